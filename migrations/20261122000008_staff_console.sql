-- The embassy's console: two-factor sign-in for staff and admins, suspending and disabling
-- accounts with a reason, staff invitations, and indexes for the audit viewer's filters.

-- One authenticator (TOTP, RFC 6238) per user. `confirmed_at` is set once the user has typed a
-- valid code from the new secret; until then the row is an enrolment in progress.
-- `last_used_step` (the 30-second counter of the last accepted code) makes every code single use.
create table user_totp (
    user_id        bigint primary key references users (id) on delete cascade,
    secret_base32  text not null,
    confirmed_at   timestamptz,
    last_used_step bigint,
    created_at     timestamptz not null default now()
);

-- Recovery codes, shown once at enrolment; only their SHA-256 is kept (they are random, so a
-- slow hash adds nothing). Each can be used once.
create table recovery_codes (
    id         bigserial primary key,
    user_id    bigint not null references users (id) on delete cascade,
    code_hash  bytea not null,
    used_at    timestamptz,
    created_at timestamptz not null default now(),
    unique (user_id, code_hash)
);

-- A session of a staff member or admin is only good for staff pages once its second factor has
-- been checked; a password alone leaves it waiting at the code step.
alter table sessions add column second_factor_at timestamptz;

-- Why an account was suspended (by staff) or disabled (by an admin), and by whom. `disabled_at`
-- already ends every session and refuses sign-in.
alter table users add column disabled_reason text;
alter table users add column disabled_by bigint references users (id) on delete set null;

-- Staff accounts are created by an admin and receive a link to choose their password.
alter table user_tokens drop constraint user_tokens_purpose_check;
alter table user_tokens add constraint user_tokens_purpose_check
    check (purpose in ('verify_email', 'reset_password', 'set_password'));

-- The audit viewer filters by action, target and actor over a date range.
create index audit_events_action_idx on audit_events (action, created_at desc);
create index audit_events_target_idx on audit_events (target_type, target_id, created_at desc);

-- Staff look users up by name or email.
create index users_display_name_trgm_idx on users using gin (lower(display_name) gin_trgm_ops);
create index users_email_trgm_idx on users using gin (lower(email) gin_trgm_ops);
