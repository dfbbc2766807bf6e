-- Outbound webhooks (docs/notifications.md, "Webhooks"): a shop's endpoints, each of which receives
-- every milestone of every shipment of its tenant through a tenant-wide subscription.

-- A fourth kind of subscription target: the whole tenant (shipment, order and user all null).
-- The check of V8 asked for one of the three; it is replaced by one that also allows the tenant.
do $$
declare c text;
begin
    select conname into c from pg_constraint
    where conrelid = 'notify_subscriptions'::regclass and contype = 'c'
      and pg_get_constraintdef(oid) like '%user_id IS NOT NULL%';
    execute format('alter table notify_subscriptions drop constraint %I', c);
end $$;
alter table notify_subscriptions add column whole_tenant boolean not null default false;
alter table notify_subscriptions add constraint notify_subscriptions_target
    check (shipment_id is not null or order_id is not null or user_id is not null or whole_tenant);
create index notify_subscriptions_tenant on notify_subscriptions (tenant_id) where whole_tenant;

create table notify_webhook_endpoints (
    id                   bigint generated always as identity primary key,
    tenant_id            bigint      not null references tenants (id),
    url                  text        not null,
    -- the HMAC key of the Otodoke-Signature header; kept as it is because signing needs it (shown
    -- once at creation, never again, never logged)
    secret               text        not null,
    milestones           text[]      not null,
    enabled              boolean     not null default true,
    -- failed tries in a row, over all messages; reset by any success
    consecutive_failures integer     not null default 0,
    disabled_reason      text,
    disabled_at          timestamptz,
    -- the last answer (null: none); a success is written only when it changes something, so that
    -- a busy endpoint's row is not a lock every send waits for
    last_status          integer,
    last_failure_at      timestamptz,
    created_by           text        not null,
    created_at           timestamptz not null default now()
);

create index notify_webhook_endpoints_tenant on notify_webhook_endpoints (tenant_id);
