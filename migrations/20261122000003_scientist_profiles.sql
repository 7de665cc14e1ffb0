-- Scientist profiles: one per scientist account, with fields, engagement kinds, languages and
-- publications in their own tables so that facets and matching can use indexes.

create table scientist_profiles (
    user_id                   bigint primary key references users (id) on delete cascade,
    full_name                 text not null,
    name_reading              text,
    position                  text not null references positions (code),
    affiliation               text not null,
    hub_code                  text not null references hubs (code),
    city                      text,
    highest_degree            text,
    years_abroad              integer check (years_abroad between 0 and 80),
    keywords                  text[] not null default '{}',
    summary_md                text not null default '',
    available_hours_per_month integer check (available_hours_per_month between 1 and 300),
    available_from            date,
    available_until           date check (available_until is null or available_from is null
                                          or available_until >= available_from),
    willing_to_travel         boolean not null default false,
    orcid                     text check (orcid ~ '^\d{4}-\d{4}-\d{4}-\d{3}[\dX]$'),
    researchmap_id            text,
    visibility                text not null default 'members'
                              check (visibility in ('public', 'members', 'staff')),
    -- The analysed text (src/search/analyser.rs) of everything searchable, plus field terms;
    -- written in the same transaction as the profile.
    search_doc                tsvector not null default ''::tsvector,
    created_at                timestamptz not null default now(),
    updated_at                timestamptz not null default now()
);
create index scientist_profiles_search_idx on scientist_profiles using gin (search_doc);
create index scientist_profiles_hub_idx on scientist_profiles (hub_code);
create index scientist_profiles_position_idx on scientist_profiles (position);
create index scientist_profiles_visibility_idx on scientist_profiles (visibility);

create table profile_fields (
    user_id    bigint not null references scientist_profiles (user_id) on delete cascade,
    field_code text not null references fields (code),
    primary key (user_id, field_code)
);
create index profile_fields_code_idx on profile_fields (field_code, user_id);

create table profile_engagements (
    user_id bigint not null references scientist_profiles (user_id) on delete cascade,
    kind    text not null references engagement_kinds (code),
    primary key (user_id, kind)
);
create index profile_engagements_kind_idx on profile_engagements (kind, user_id);

create table profile_languages (
    user_id       bigint not null references scientist_profiles (user_id) on delete cascade,
    language_code text not null references languages (code),
    level         text not null references language_levels (code),
    primary key (user_id, language_code)
);
create index profile_languages_code_idx on profile_languages (language_code, user_id);

create table publications (
    id       bigserial primary key,
    user_id  bigint not null references scientist_profiles (user_id) on delete cascade,
    position integer not null,
    title    text not null,
    venue    text,
    year     integer check (year between 1900 and 2100),
    doi      text
);
create index publications_user_idx on publications (user_id, position);
