-- How a parcel must be handed over (delivery module, docs/delivery.md): each of these rules out
-- leaving it unattended (置き配).
alter table shipments add column cash_on_delivery   boolean not null default false;
alter table shipments add column cool               boolean not null default false;
alter table shipments add column signature_required boolean not null default false;
