-- Routes of the own fleet (design/last-mile.md): depots, a vehicle's route for one service day with
-- its driver, the ordered stops and the shipments delivered at each, and proof of delivery.

create table depots (
    id          bigint generated always as identity primary key,
    tenant_id   bigint           not null references tenants (id),
    code        text             not null,
    name        text             not null,
    address     text,
    latitude    double precision not null check (latitude between -90 and 90),
    longitude   double precision not null check (longitude between -180 and 180),
    created_at  timestamptz      not null default now(),
    unique (tenant_id, code)
);

-- A driver is a user with the DRIVER role (account module); a route names the one who drives it.
create table routes (
    id              bigint generated always as identity primary key,
    tenant_id       bigint      not null references tenants (id),
    code            text        not null,
    service_date    date        not null,
    depot_id        bigint      not null references depots (id),
    vehicle_id      bigint      not null references vehicles (id),
    driver_user_id  bigint      references users (id),
    state           text        not null default 'PLANNED' check (state in ('PLANNED', 'STARTED', 'FINISHED')),
    started_at      timestamptz,
    finished_at     timestamptz,
    created_at      timestamptz not null default now(),
    unique (tenant_id, code)
);

create index routes_vehicle_day on routes (vehicle_id, service_date);
create index routes_driver_day on routes (driver_user_id, service_date);
create index routes_tenant_day on routes (tenant_id, service_date);

-- A place on a route. Its address is personal data: only the shop's staff and the route's driver
-- see it. ETA columns record predictions so that the route's error can be measured at the stop:
-- planned_eta when the route started, next_eta when the stop became the next one.
create table stops (
    id              bigint generated always as identity primary key,
    route_id        bigint           not null references routes (id),
    sequence        integer          not null,
    address         text             not null,
    latitude        double precision not null check (latitude between -90 and 90),
    longitude       double precision not null check (longitude between -180 and 180),
    window_start    timestamptz,
    window_end      timestamptz,
    state           text             not null default 'PENDING'
                    check (state in ('PENDING', 'ARRIVED', 'DELIVERED', 'ATTEMPTED', 'SKIPPED')),
    arrived_at      timestamptz,
    completed_at    timestamptz,
    -- DELIVERED: where it was left (a StatusReason such as HANDED_OVER, SAFE_PLACE); ATTEMPTED: why not
    outcome_reason  text,
    outcome_note    text,
    outcome_latitude  double precision,
    outcome_longitude double precision,
    planned_eta     timestamptz,
    next_eta        timestamptz,
    arriving_soon_at timestamptz,
    unique (route_id, sequence)
);

create table stop_shipments (
    stop_id      bigint not null references stops (id),
    shipment_id  bigint not null references shipments (id),
    primary key (stop_id, shipment_id)
);

create index stop_shipments_shipment on stop_shipments (shipment_id);

-- Proof of delivery: the photo as stored (re-encoded, so without any EXIF or other metadata).
create table delivery_photos (
    id            bigint generated always as identity primary key,
    stop_id       bigint      not null unique references stops (id),
    content_type  text        not null,
    content       bytea       not null,
    width         integer     not null,
    height        integer     not null,
    created_at    timestamptz not null default now()
);
