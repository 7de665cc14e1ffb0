-- Foundation: extensions, accounts, sessions, tokens, rate limits, the email outbox and the audit log.

-- Search (later features) needs trigram similarity and accent folding.
create extension if not exists pg_trgm;
create extension if not exists unaccent;

create table users (
    id                bigserial primary key,
    email             text not null,
    password_hash     text not null,
    display_name      text not null,
    preferred_locale  text not null default 'vi' check (preferred_locale in ('vi', 'ja', 'en')),
    role              text not null check (role in ('scientist', 'owner', 'staff', 'admin')),
    email_verified_at timestamptz,
    disabled_at       timestamptz,
    created_at        timestamptz not null default now(),
    updated_at        timestamptz not null default now()
);
-- Emails are unique whatever their case; we keep what the user typed for display.
create unique index users_email_lower_key on users (lower(email));

-- One row per signed-in browser. The cookie carries a random id; only its SHA-256 is stored,
-- so a copy of this table cannot be used to take over sessions.
create table sessions (
    id_hash      bytea primary key,
    user_id      bigint not null references users (id) on delete cascade,
    csrf_token   text not null,
    created_at   timestamptz not null default now(),
    last_seen_at timestamptz not null default now()
);
create index sessions_user_id_idx on sessions (user_id);

-- Single-use tokens sent by email (verification, password reset); stored hashed.
create table user_tokens (
    id         bigserial primary key,
    user_id    bigint not null references users (id) on delete cascade,
    purpose    text not null check (purpose in ('verify_email', 'reset_password')),
    token_hash bytea not null unique,
    expires_at timestamptz not null,
    used_at    timestamptz,
    created_at timestamptz not null default now()
);
create index user_tokens_user_id_idx on user_tokens (user_id, purpose);

-- Fixed-window counters shared by every server process (login, register, password endpoints).
create table rate_limit_hits (
    key          text not null,
    window_start timestamptz not null,
    hits         integer not null,
    primary key (key, window_start)
);

-- The email outbox: written in the same transaction as the action that sends the email,
-- delivered by a background worker that leases rows, so a crash loses nothing.
create table emails (
    id              bigserial primary key,
    to_address      text not null,
    subject         text not null,
    body_text       text not null,
    status          text not null default 'pending' check (status in ('pending', 'sent', 'failed')),
    attempts        integer not null default 0,
    next_attempt_at timestamptz not null default now(),
    leased_until    timestamptz,
    last_error      text,
    sent_at         timestamptz,
    created_at      timestamptz not null default now()
);
create index emails_due_idx on emails (next_attempt_at) where status = 'pending';

-- Append-only record of every state change and staff decision.
create table audit_events (
    id          bigserial primary key,
    actor_id    bigint references users (id) on delete set null,
    action      text not null,
    target_type text not null,
    target_id   text,
    details     jsonb not null default '{}'::jsonb,
    created_at  timestamptz not null default now()
);
create index audit_events_created_at_idx on audit_events (created_at desc);
create index audit_events_actor_idx on audit_events (actor_id, created_at desc);

-- Nothing may change or remove an audit row once written; deleting a user only clears actor_id
-- through the foreign key, which this trigger allows as the one exception.
create function audit_events_append_only() returns trigger language plpgsql as $$
begin
    if tg_op = 'UPDATE'
       and new.actor_id is null and old.actor_id is not null
       and (new.id, new.action, new.target_type, new.target_id, new.details, new.created_at)
           is not distinct from
           (old.id, old.action, old.target_type, old.target_id, old.details, old.created_at) then
        return new;
    end if;
    raise exception 'audit_events is append-only';
end $$;

create trigger audit_events_no_update before update on audit_events
    for each row execute function audit_events_append_only();
create trigger audit_events_no_delete before delete on audit_events
    for each row execute function audit_events_append_only();
create trigger audit_events_no_truncate before truncate on audit_events
    for each statement execute function audit_events_append_only();
