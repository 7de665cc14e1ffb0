-- Facet values carried on the listed rows themselves (issue 7, src/search/faceted.rs).
--
-- The directory and the board count their facets over the rows that match a search. Joining
-- each child table (profile_fields, …) against the matches made a page cost grow with the
-- table; with the values on the row, one pass over the matched rows counts every facet.
-- Values are `facet:code` strings: a field and its area (`field:ai.ml`, `field:ai`), and for
-- a problem meant for every hub (no target hubs) each hub, since it is listed under each.
--
-- The application refreshes the array in the same transaction as the write it follows
-- (`save_profile`, `insert_problem`/`update_problem`, a new hub); the functions below are the
-- one definition of what it holds.

create function scientist_facet_values(profile_user_id bigint) returns text[]
language sql stable as $$
    select array['hub:' || p.hub_code, 'position:' || p.position]
        || array(select distinct 'field:' || c.code
                   from profile_fields pf
                   join fields f on f.code = pf.field_code
                   cross join lateral (values (f.code), (f.parent_code)) as c(code)
                  where pf.user_id = p.user_id and c.code is not null
                  order by 1)
        || array(select 'engagement:' || e.kind from profile_engagements e
                  where e.user_id = p.user_id order by 1)
        || array(select 'language:' || l.language_code from profile_languages l
                  where l.user_id = p.user_id order by 1)
      from scientist_profiles p
     where p.user_id = profile_user_id
$$;

create function problem_facet_values(facet_problem_id bigint) returns text[]
language sql stable as $$
    select array(select distinct 'field:' || c.code
                   from problem_fields pf
                   join fields f on f.code = pf.field_code
                   cross join lateral (values (f.code), (f.parent_code)) as c(code)
                  where pf.problem_id = p.id and c.code is not null
                  order by 1)
        || array(select 'engagement:' || e.kind from problem_engagements e
                  where e.problem_id = p.id order by 1)
        || array(select 'mechanism:' || p.mechanism where p.mechanism is not null)
        || array(select 'org_kind:' || o.kind from organisations o where o.id = p.org_id)
        || array(select 'hub:' || h.code from hubs h
                  where cardinality(p.target_hubs) = 0 or h.code = any(p.target_hubs)
                  order by 1)
      from problems p
     where p.id = facet_problem_id
$$;

alter table scientist_profiles add column facet_values text[] not null default '{}';
alter table problems add column facet_values text[] not null default '{}';

update scientist_profiles set facet_values = scientist_facet_values(user_id);
update problems set facet_values = problem_facet_values(id);

-- The directory leaves out disabled accounts by checking matches against this short list.
create index users_disabled_idx on users (id) where disabled_at is not null;
