-- Acting on a parcel, part 3 (claims module, docs/delivery.md#claims): lost, damaged and
-- delivered-but-not-received claims, the evidence assembled from tracking, and the shop's rules.

-- The shop's rules: which claims are approved without a person looking.
create table claim_rules (
    tenant_id          bigint      primary key references tenants (id),
    -- a not-received claim is approved when the delivery scan lies farther than this from the address
    far_scan_meters    integer     check (far_scan_meters > 0),
    -- a lost claim may be made after this many days without news of the parcel
    lost_after_days    integer     not null default 7 check (lost_after_days between 1 and 90),
    auto_approve_lost  boolean     not null default false,
    -- what an automatic approval does
    auto_outcome       text        not null default 'RESHIP' check (auto_outcome in ('RESHIP', 'REFUND')),
    updated_at         timestamptz not null default now()
);

create table claims (
    id              bigint generated always as identity primary key,
    tenant_id       bigint      not null references tenants (id),
    shipment_id     bigint      not null references shipments (id),
    kind            text        not null check (kind in ('LOST', 'DAMAGED', 'NOT_RECEIVED')),
    state           text        not null check (state in ('UNDER_REVIEW', 'APPROVED', 'REJECTED')),
    outcome         text        check (outcome in ('RESHIP', 'REFUND')),
    description     text,
    -- the tracking evidence as it stood when the claim was made (ClaimEvidence)
    evidence        jsonb       not null,
    requested_by    text        not null,
    decided_by      text,
    decision_rule   text,
    decision_note   text,
    decided_at      timestamptz,
    created_at      timestamptz not null default now()
);

-- one claim of each kind per parcel, unless it was rejected
create unique index claims_open_per_kind on claims (shipment_id, kind) where state <> 'REJECTED';
create index claims_tenant on claims (tenant_id, id);

create table claim_photos (
    id            bigint generated always as identity primary key,
    claim_id      bigint      not null references claims (id),
    content_type  text        not null,
    content       bytea       not null,
    width         integer     not null,
    height        integer     not null,
    created_at    timestamptz not null default now()
);

create index claim_photos_claim on claim_photos (claim_id);
