-- Demo mode (DemoSimulator): which simulated world this data folder holds and when its clock
-- started, so a restarted demo continues the same world where it left off.
create table demo_state (
    id          integer     primary key check (id = 1),
    seed        bigint      not null,
    orders      integer     not null,
    origin      timestamptz not null,
    started_at  timestamptz not null,
    speed       integer     not null
);
