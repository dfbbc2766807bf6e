-- Webhook deliveries as received (connector/webhook): the raw body is stored and acknowledged at
-- once, then parsed and ingested after the commit. The row is the queue (processed_at is null
-- until it is done) and the record an operator reads when a payload could not be used.
create table webhook_inbox (
    id            bigint generated always as identity primary key,
    source        text        not null,
    received_at   timestamptz not null default now(),
    body          bytea       not null,
    -- identity of the delivery: AfterShip's event_id, otherwise the SHA-256 of the body; a retry
    -- of the same delivery finds its row and stores nothing
    dedupe_key    text        not null,
    attempts      integer     not null default 0,
    processed_at  timestamptz,
    -- ingested | rejected (the payload cannot be read: kept with its reason, not retried)
    -- | failed (no parser in this build, or ingest failed on every attempt)
    outcome       text check (outcome in ('ingested', 'rejected', 'failed')),
    -- what happened: the ingest summary, or the error
    detail        text,
    unique (source, dedupe_key)
);

create index webhook_inbox_unprocessed on webhook_inbox (id) where processed_at is null;
