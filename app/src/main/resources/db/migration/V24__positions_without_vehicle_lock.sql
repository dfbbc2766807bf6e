-- The track's foreign key to vehicles checked every stored position with a row lock on its vehicle
-- (SELECT … FOR KEY SHARE: a lock record written per position) on the hottest write path. Vehicles
-- are never deleted, and the position writer stores only ids it looked up from a device id, so the
-- check protects nothing that can happen; the track keeps its index (vehicle_id, device_time, id).
alter table positions drop constraint positions_vehicle_id_fkey;
