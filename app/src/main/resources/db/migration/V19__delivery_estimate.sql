-- The delivery date the carrier forecasts (Yamato's お届け予定日時, Sagawa's 配達予定日, an aggregator's
-- expected delivery) and the time slot it printed with it, when it printed one. A change of the date
-- is the ETA_MOVED notification.
alter table shipments add column estimated_delivery date, add column estimated_window text;
