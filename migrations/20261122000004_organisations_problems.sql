-- Organisations, their technology problems, staff review history, staff hubs and in-app
-- notifications.

create table organisations (
    id           bigserial primary key,
    name_vi      text not null,
    name_en      text not null,
    name_ja      text,
    kind         text not null check (kind in ('ministry', 'agency', 'locality', 'university',
                                               'research_institute', 'enterprise')),
    country_code text not null check (country_code ~ '^[A-Z]{2}$'),
    website      text,
    status       text not null default 'unverified'
                 check (status in ('unverified', 'verified', 'rejected')),
    created_by   bigint references users (id) on delete set null,
    decided_by   bigint references users (id) on delete set null,
    decided_at   timestamptz,
    created_at   timestamptz not null default now(),
    updated_at   timestamptz not null default now()
);
create index organisations_status_idx on organisations (status, created_at);

create table org_members (
    org_id  bigint not null references organisations (id) on delete cascade,
    user_id bigint not null references users (id) on delete cascade,
    primary key (org_id, user_id)
);
create index org_members_user_idx on org_members (user_id);

-- Which hubs a staff member works for (admins work for all).
create table staff_hubs (
    user_id  bigint not null references users (id) on delete cascade,
    hub_code text not null references hubs (code),
    primary key (user_id, hub_code)
);

create table problems (
    id              bigserial primary key,
    org_id          bigint not null references organisations (id),
    author_id       bigint references users (id) on delete set null,
    title           text not null,
    summary         text not null,
    description_md  text not null default '',
    keywords        text[] not null default '{}',
    mechanism       text references mechanisms (code),
    budget_min      bigint check (budget_min >= 0),
    budget_max      bigint check (budget_max >= 0),
    currency        text check (currency ~ '^[A-Z]{3}$'),
    location        text,
    duration_months integer check (duration_months between 1 and 120),
    deadline        date,
    -- Empty means every hub.
    target_hubs     text[] not null default '{}',
    confidentiality text not null default 'public'
                    check (confidentiality in ('public', 'members', 'invite_only')),
    status          text not null default 'draft'
                    check (status in ('draft', 'submitted', 'published', 'changes_requested',
                                      'rejected', 'closed', 'expired')),
    outcome         text check (outcome in ('fulfilled', 'withdrawn')),
    outcome_note    text,
    search_doc      tsvector not null default ''::tsvector,
    created_at      timestamptz not null default now(),
    updated_at      timestamptz not null default now(),
    submitted_at    timestamptz,
    published_at    timestamptz,
    closed_at       timestamptz,
    check (budget_min is null or budget_max is null or budget_min <= budget_max),
    check ((status = 'closed') = (outcome is not null))
);
create index problems_search_idx on problems using gin (search_doc);
create index problems_status_idx on problems (status, deadline);
create index problems_org_idx on problems (org_id);

-- The status machine, guarded here as well as in src/problems/model.rs: a bug or a hand-written
-- statement cannot move a problem along a path the review process does not have.
create function problems_status_guard() returns trigger language plpgsql as $$
begin
    if new.status is distinct from old.status and not (
           (old.status = 'draft' and new.status = 'submitted')
        or (old.status = 'changes_requested' and new.status = 'submitted')
        or (old.status = 'submitted' and new.status in ('published', 'changes_requested', 'rejected'))
        or (old.status = 'published' and new.status in ('closed', 'expired'))
    ) then
        raise exception 'problem % cannot go from % to %', old.id, old.status, new.status;
    end if;
    return new;
end $$;
create trigger problems_status_guard before update of status on problems
    for each row execute function problems_status_guard();

create table problem_fields (
    problem_id bigint not null references problems (id) on delete cascade,
    field_code text not null references fields (code),
    primary key (problem_id, field_code)
);
create index problem_fields_code_idx on problem_fields (field_code, problem_id);

create table problem_engagements (
    problem_id bigint not null references problems (id) on delete cascade,
    kind       text not null references engagement_kinds (code),
    primary key (problem_id, kind)
);
create index problem_engagements_kind_idx on problem_engagements (kind, problem_id);

create table problem_languages (
    problem_id    bigint not null references problems (id) on delete cascade,
    language_code text not null references languages (code),
    primary key (problem_id, language_code)
);

-- The history shown on a problem: each submission and each staff decision with its reason.
create table problem_events (
    id         bigserial primary key,
    problem_id bigint not null references problems (id) on delete cascade,
    actor_id   bigint references users (id) on delete set null,
    event      text not null check (event in ('submitted', 'approved', 'changes_requested',
                                              'rejected', 'closed', 'expired')),
    reason     text,
    created_at timestamptz not null default now()
);
create index problem_events_problem_idx on problem_events (problem_id, id);

-- In-app notifications; `message_key` and `args` are rendered in the reader's language.
create table notifications (
    id          bigserial primary key,
    user_id     bigint not null references users (id) on delete cascade,
    message_key text not null,
    args        jsonb not null default '{}'::jsonb,
    link        text,
    created_at  timestamptz not null default now(),
    read_at     timestamptz
);
create index notifications_user_idx on notifications (user_id, id desc);
create index notifications_unread_idx on notifications (user_id) where read_at is null;
