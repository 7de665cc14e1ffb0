-- Matches between a problem and a scientist, with the three consents of the "three houses":
-- the scientist, the problem owner and the embassy. Active only when all three are given.

create table matches (
    id                   bigserial primary key,
    problem_id           bigint not null references problems (id) on delete cascade,
    scientist_id         bigint not null references scientist_profiles (user_id) on delete cascade,
    -- Who started it: the scientist's interest, the owner's invitation, or a staff proposal.
    origin               text not null check (origin in ('interest', 'invitation', 'proposal')),
    engagement_kind      text references engagement_kinds (code),
    note                 text not null,
    created_by           bigint references users (id) on delete set null,
    state                text not null default 'pending'
                         check (state in ('pending', 'active', 'declined', 'withdrawn', 'completed')),
    scientist_consent_by bigint references users (id) on delete set null,
    scientist_consent_at timestamptz,
    owner_consent_by     bigint references users (id) on delete set null,
    owner_consent_at     timestamptz,
    staff_consent_by     bigint references users (id) on delete set null,
    staff_consent_at     timestamptz,
    ended_by             bigint references users (id) on delete set null,
    end_reason           text,
    ended_at             timestamptz,
    outcome_note         text,
    -- Flagged (not blocked) when the scientist's affiliation is the owning organisation.
    conflict_of_interest boolean not null default false,
    created_at           timestamptz not null default now(),
    updated_at           timestamptz not null default now(),
    check (state not in ('active', 'completed') or (scientist_consent_at is not null
           and owner_consent_at is not null and staff_consent_at is not null)),
    check (state <> 'completed' or outcome_note is not null),
    check (state not in ('declined', 'withdrawn') or ended_at is not null)
);
-- At most one live match per problem and scientist.
create unique index matches_one_live_per_pair on matches (problem_id, scientist_id)
    where state in ('pending', 'active');
create index matches_scientist_idx on matches (scientist_id, state);
create index matches_problem_idx on matches (problem_id, state);
create index matches_pending_staff_idx on matches (created_at)
    where state = 'pending' and staff_consent_at is null;

-- The match's history: creation, each consent, decline, withdrawal, completion.
create table match_events (
    id         bigserial primary key,
    match_id   bigint not null references matches (id) on delete cascade,
    actor_id   bigint references users (id) on delete set null,
    event      text not null check (event in ('created', 'accepted', 'approved', 'declined',
                                              'rejected', 'withdrawn', 'activated', 'completed')),
    reason     text,
    created_at timestamptz not null default now()
);
create index match_events_match_idx on match_events (match_id, id);

-- A short message thread for the three parties.
create table match_messages (
    id         bigserial primary key,
    match_id   bigint not null references matches (id) on delete cascade,
    author_id  bigint references users (id) on delete set null,
    body       text not null check (length(body) between 1 and 2000),
    created_at timestamptz not null default now()
);
create index match_messages_match_idx on match_messages (match_id, id);
