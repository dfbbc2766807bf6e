-- Fleet (fleet module, design/last-mile.md): the vehicles whose phones report positions, the track
-- of every position received, and the current position of each vehicle.

-- A device id is what a driver's phone sends (Traccar Client / OsmAnd `id`): it alone names the
-- vehicle, so it is unique across tenants.
create table vehicles (
    id          bigint generated always as identity primary key,
    tenant_id   bigint      not null references tenants (id),
    device_id   text        not null unique,
    name        text        not null,
    created_at  timestamptz not null default now()
);

create index vehicles_tenant on vehicles (tenant_id);

-- The track: every accepted position, late and duplicate ones too. Speed in m/s, heading in
-- degrees, altitude and accuracy in metres, battery in percent.
create table positions (
    id           bigint generated always as identity primary key,
    vehicle_id   bigint           not null references vehicles (id),
    device_time  timestamptz      not null,
    received_at  timestamptz      not null,
    latitude     double precision not null check (latitude between -90 and 90),
    longitude    double precision not null check (longitude between -180 and 180),
    speed        double precision,
    heading      double precision,
    altitude     double precision,
    accuracy     double precision,
    battery      double precision,
    attributes   jsonb            not null default '{}'
);

-- The latest position of a vehicle, and its track in time order.
create index positions_vehicle_time on positions (vehicle_id, device_time desc, id);

-- The current position only moves forward in device time: a late or duplicate position is in the
-- track but never replaces a newer (or equally new) current one (enforced by the upsert's where).
create table current_positions (
    vehicle_id   bigint      primary key references vehicles (id),
    position_id  bigint      not null references positions (id),
    device_time  timestamptz not null
);
