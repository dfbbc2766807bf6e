-- A RESHIP claim outcome sends a replacement parcel for the same order (claims module,
-- docs/delivery.md#claims): the claim names the replacement shipment it created.
alter table claims add column replacement_shipment_id bigint references shipments (id);
