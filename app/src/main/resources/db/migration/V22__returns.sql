-- Acting on a parcel, part 2 (returns module, docs/delivery.md#returns): return authorisations for
-- items of an order, their own return leg (a shipment with leg RETURN), photos and refunds.

-- When the shop refunds: as soon as the carrier has the return (AT_PICKUP), or when it is back at
-- the warehouse (ON_ARRIVAL). A shop without a row refunds ON_ARRIVAL.
create table return_policies (
    tenant_id       bigint      primary key references tenants (id),
    refund_trigger  text        not null check (refund_trigger in ('AT_PICKUP', 'ON_ARRIVAL')),
    updated_at      timestamptz not null default now()
);

create table returns (
    id                bigint generated always as identity primary key,
    tenant_id         bigint      not null references tenants (id),
    order_id          bigint      not null references orders (id),
    state             text        not null default 'REQUESTED'
                      check (state in ('REQUESTED', 'APPROVED', 'REJECTED', 'LABEL_EXPIRED', 'ON_ITS_WAY', 'RECEIVED')),
    reason            text        not null
                      check (reason in ('DAMAGED', 'WRONG_ITEM', 'NOT_AS_DESCRIBED', 'NO_LONGER_NEEDED', 'OTHER')),
    comment           text,
    -- [{"name": …, "quantity": …, "unitPriceYen": …}] out of the order's items
    items             jsonb       not null,
    refund_yen        bigint      not null,
    requested_by      text        not null,
    decided_by        text,
    decided_at        timestamptz,
    decision_note     text,
    -- the return leg: a shipment of the same order with leg RETURN
    shipment_id       bigint      unique references shipments (id),
    -- an own-fleet label expires unused after otodoke.returns.label-validity
    label_expires_at  timestamptz,
    refund_trigger    text        check (refund_trigger in ('AT_PICKUP', 'ON_ARRIVAL')),
    refund_state      text        not null default 'NOT_DUE' check (refund_state in ('NOT_DUE', 'PENDING', 'ISSUED')),
    refund_issued_at  timestamptz,
    received_at       timestamptz,
    created_at        timestamptz not null default now()
);

create index returns_order on returns (order_id);
create index returns_open_labels on returns (label_expires_at) where state = 'APPROVED' and label_expires_at is not null;

-- Photos of what is returned, re-encoded on upload, so stored without EXIF or other metadata.
create table return_photos (
    id            bigint generated always as identity primary key,
    return_id     bigint      not null references returns (id),
    content_type  text        not null,
    content       bytea       not null,
    width         integer     not null,
    height        integer     not null,
    created_at    timestamptz not null default now()
);

create index return_photos_return on return_photos (return_id);
