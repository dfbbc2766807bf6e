-- Acting on a parcel, part 1 (delivery module, docs/delivery.md): the changes of date, time slot
-- and place that recipients and shops ask for.

-- One row per request, with what came of it. The request is kept as asked even when the carrier
-- confirms it on its own page: Otodoke records it and hands the person over.
create table delivery_changes (
    id               bigint generated always as identity primary key,
    tenant_id        bigint      not null references tenants (id),
    shipment_id      bigint      not null references shipments (id),
    kind             text        not null check (kind in ('REDELIVERY', 'RESCHEDULE', 'CHANGE_PLACE')),
    delivery_date    date,
    slot             text,
    place            text        check (place in ('SAFE_PLACE', 'BRANCH', 'CONVENIENCE_STORE', 'LOCKER')),
    safe_place_spot  text        check (safe_place_spot in ('FRONT_DOOR', 'DELIVERY_BOX', 'METER_BOX', 'GARAGE', 'SHED')),
    pickup_point     text,
    outcome          text        not null
                     check (outcome in ('ROUTE_UPDATED', 'LEFT_ROUTE', 'AWAITING_ROUTE', 'CARRIER_TO_CONFIRM')),
    requested_by     text        not null,
    idempotency_key  text        not null,
    -- what was asked, so that the same key with another request is refused instead of answered wrongly
    request_digest   text        not null,
    created_at       timestamptz not null default now(),
    unique (shipment_id, idempotency_key)
);

create index delivery_changes_shipment on delivery_changes (shipment_id, id);

-- What the driver is asked to do at a stop (a place the recipient chose, e.g. 置き配：玄関前).
alter table stops add column instruction text;
