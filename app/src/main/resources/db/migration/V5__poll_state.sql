-- Pollers (connector module): when each shipment's carrier is asked next. Shipments never polled
-- have no row and are due at once.
create table poll_state (
    shipment_id          bigint      primary key,
    next_poll_at         timestamptz not null,
    last_polled_at       timestamptz,
    consecutive_failures integer     not null default 0
);

create index poll_state_due on poll_state (next_poll_at);
