-- Idempotency keys of submitted forms (src/web/idempotency.rs): every state-changing form
-- carries a random key, so a retried or double-clicked submission acts once and answers the
-- same. A key is scoped to whoever sent it (`user:<id>`, or the SHA-256 of their session or
-- CSRF cookie), so one person can never replay another's.
--
-- The first request inserts the row `in_progress` (autocommit, `on conflict do nothing`: the
-- insert decides the winner of two simultaneous submissions), runs the handler, then records
-- the redirect it answered (`done`) or deletes the row when it answered an error, so the form
-- can be corrected and sent again with the same key. A row left `in_progress` by a crash is
-- never run again; rows are removed after 24 hours.
create table idempotency_keys (
    scope        text not null,
    key          text not null,
    state        text not null default 'in_progress'
                 check (state in ('in_progress', 'done')),
    -- The path the key was first sent to and the SHA-256 of that body: the same key with other
    -- content is refused rather than answered with another form's result.
    request_path text not null,
    body_sha256  bytea not null,
    -- A random token of the request that inserted the row: when the insert's acknowledgement
    -- is lost (the connection dropped after the commit), that request can still remove its own
    -- claim without touching a claim another request made with the same key.
    claimed_by   text not null,
    -- The answer to replay once done: its status, `Location` and the one-time message cookie
    -- (never a session cookie).
    status       smallint check ((state = 'done') = (status is not null)),
    location     text,
    flash_cookie text,
    created_at   timestamptz not null default now(),
    finished_at  timestamptz,
    primary key (scope, key)
);

create index idempotency_keys_created_at_idx on idempotency_keys (created_at);
