-- A vehicle's current position is read from its track (the newest in device time, the first received
-- among equal times: the order of the positions_vehicle_time index, one index probe per vehicle)
-- instead of being kept in a table of its own: keeping it cost an upsert per vehicle in every batch of
-- positions, on the hottest write path, for a read that the index answers as fast.
drop table current_positions;

-- Nothing refers to a position by its id any more: the id only orders positions of equal device time
-- (in positions_vehicle_time). Its unique index was a second index to update for every position stored.
alter table positions drop constraint positions_pkey;
