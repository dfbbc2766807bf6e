-- Marketplace sellers (issue 8 part 4, docs/sellers.md): how a shopper reaches a seller, and the
-- parcels a seller sends without a tracking number (定形外郵便, ゆうメール …).

-- An e-mail address or an https URL; null: the shopper contacts the seller through the shop.
alter table sellers add column contact text;

-- One untracked dispatch per order: the method, when it left and the window the shopper is shown
-- instead of a timeline. It counts as shipped for the late-shipment flag.
create table untracked_shipments (
    order_id       bigint      primary key references orders (id),
    tenant_id      bigint      not null references tenants (id),
    method         text        not null,
    shipped_at     timestamptz not null,
    expected_from  date        not null,
    expected_to    date        not null,
    recorded_by    text        not null,
    created_at     timestamptz not null default now()
);

-- The seller page and the late list look for a tenant's seller orders that have no outbound leg yet.
create index orders_tenant_seller on orders (tenant_id, seller_id) where seller_id is not null;
