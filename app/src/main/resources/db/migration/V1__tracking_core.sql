-- Tracking core (design/status-model.md): orders, shipments (outbound and return legs) and their
-- tracking events. Status and staleness are derived from the events and stored on the shipment
-- so that lists and the public lookup need no event scan.

create table tenants (
    id          bigint generated always as identity primary key,
    code        text        not null unique,
    name        text        not null,
    created_at  timestamptz not null default now()
);

insert into tenants (code, name) values ('default', 'Default shop');

create table orders (
    id              bigint generated always as identity primary key,
    tenant_id       bigint      not null references tenants (id),
    order_number    text        not null,
    customer_email  text,
    customer_name   text,
    ordered_at      timestamptz,
    total_yen       bigint,
    items           jsonb       not null default '[]',
    gift            boolean     not null default false,
    giver_name      text,
    gift_message    text,
    created_at      timestamptz not null default now(),
    unique (tenant_id, order_number)
);

create index orders_customer_email on orders (tenant_id, lower(customer_email));

create table shipments (
    id                    bigint generated always as identity primary key,
    tenant_id             bigint      not null references tenants (id),
    order_id              bigint      references orders (id),
    leg                   text        not null default 'OUTBOUND' check (leg in ('OUTBOUND', 'RETURN')),
    carrier               text        not null,
    tracking_number       text        not null,
    tracking_number_given text,
    international         boolean     not null default false,
    recipient             jsonb,
    status                text        not null default 'LABEL_CREATED',
    status_reason         text,
    status_changed_at     timestamptz,
    last_event_at         timestamptz,
    last_carrier_scan_at  timestamptz,
    event_count           integer     not null default 0,
    -- where the status rules stand after the stored events (StatusDerivation.Progress), so a batch
    -- of later scans goes on from there without reading the history again
    fold_status           text,
    return_leg            boolean     not null default false,
    date_only_events      boolean     not null default false,
    stale_reason          text,
    stale_since           timestamptz,
    created_at            timestamptz not null default now(),
    updated_at            timestamptz not null default now(),
    unique (tenant_id, carrier, tracking_number)
) with (fillfactor = 80);
-- Every ingest batch rewrites the derived columns of the shipments it touches. None of them is
-- indexed and pages keep free space, so those updates stay HOT (no index maintenance).

create index shipments_tracking_number on shipments (tracking_number);
create index shipments_order on shipments (order_id);

create table tracking_events (
    -- no foreign key: ingest resolves shipment ids under the shipment row lock in the same
    -- transaction, and shipments are never deleted, so a foreign-key lookup per event would add cost, not safety
    shipment_id           bigint           not null,
    -- identity of the event for idempotent ingest: the source's own event id when it has one,
    -- otherwise a hash of what the source said (see EventKey)
    event_key             uuid             not null,
    source                text             not null,
    source_event_id       text,
    raw_code              text,
    raw_text              text,
    status                text             not null,
    reason                text,
    occurred_local        timestamp        not null,
    occurred_zone         text             not null,
    occurred_precision    text             not null,
    occurred_at           timestamptz      not null,
    location_name         text,
    location_postal_code  text,
    location_prefecture   text,
    location_country      text,
    location_latitude     double precision,
    location_longitude    double precision,
    source_sequence       integer          not null default 0,
    received_at           timestamptz      not null default now(),
    primary key (shipment_id, event_key)
);
