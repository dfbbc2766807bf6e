-- Multi-channel orders (fulfillment module, docs/fulfillment.md): a shop's fulfilment orders from
-- other sales channels, in the shape of Amazon MCF's Fulfillment Outbound API, and their packages.

create table fulfillment_orders (
    id                           bigint generated always as identity primary key,
    tenant_id                    bigint      not null references tenants (id),
    seller_fulfillment_order_id  text        not null,
    -- the request as accepted (normalised): a repeat with the same id must be equal to it
    request                      jsonb       not null,
    created_at                   timestamptz not null,
    unique (tenant_id, seller_fulfillment_order_id)
);

create index fulfillment_orders_created on fulfillment_orders (tenant_id, created_at);

-- one package = one parcel with its tracking number = one tracked shipment
create table fulfillment_packages (
    package_number         bigint generated always as identity primary key,
    fulfillment_order_id   bigint      not null references fulfillment_orders (id),
    tenant_id              bigint      not null references tenants (id),
    shipment_id            bigint      not null references shipments (id),
    carrier                text        not null,
    tracking_number        text        not null,
    fulfillment_center_id  text,
    shipping_date          timestamptz,
    created_at             timestamptz not null,
    unique (tenant_id, carrier, tracking_number)
);

create index fulfillment_packages_order on fulfillment_packages (fulfillment_order_id);
