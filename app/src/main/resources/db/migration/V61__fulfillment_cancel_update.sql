-- Cancelling and updating a fulfilment order before it ships (fulfillment module, docs/fulfillment.md;
-- MCF's cancelFulfillmentOrder and updateFulfillmentOrder).
alter table fulfillment_orders
    -- when the shop cancelled it; null while it stands
    add column cancelled_at      timestamptz,
    -- when an update last changed it; null when never
    add column updated_at        timestamptz,
    -- the request as first created, kept once an update changes it: a repeat of the create is compared with it
    add column created_request   jsonb;
