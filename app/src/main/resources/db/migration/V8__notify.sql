-- Notifications (docs/notifications.md): who wants to hear about which shipments and how
-- (subscriptions), each signed-in user's preferences (quiet hours, language, milestones), and the
-- outbox of messages to send, one row per subscription × shipment × milestone × attempt.

create table notify_subscriptions (
    id                   bigint generated always as identity primary key,
    tenant_id            bigint      not null references tenants (id),
    -- exactly one target: a shipment, an order, or all orders of a user (placed with user_email)
    shipment_id          bigint      references shipments (id) on delete cascade,
    order_id             bigint      references orders (id) on delete cascade,
    user_id              bigint      references users (id) on delete cascade,
    user_email           text,
    -- the channel's code (email, webpush, webhook, line) and its address there
    channel              text        not null,
    address              text        not null,
    language             text        not null default 'ja' check (language in ('ja', 'en')),
    milestones           text[]      not null,
    stops_away_threshold integer     not null default 3 check (stops_away_threshold between 1 and 50),
    created_by           text        not null,
    created_at           timestamptz not null default now(),
    check (num_nonnulls(shipment_id, order_id) <= 1),
    check (shipment_id is not null or order_id is not null or user_id is not null)
);

create index notify_subscriptions_shipment on notify_subscriptions (shipment_id) where shipment_id is not null;
create index notify_subscriptions_order on notify_subscriptions (order_id) where order_id is not null;
create index notify_subscriptions_user on notify_subscriptions (tenant_id, lower(user_email))
    where shipment_id is null and order_id is null;
-- one e-mail per order for a shopper's on/off switch, however often the form is sent
create unique index notify_subscriptions_one_per_target on notify_subscriptions
    (tenant_id, coalesce(shipment_id, 0), coalesce(order_id, 0), coalesce(user_id, 0), channel, lower(address));

create table notify_preferences (
    user_id              bigint      primary key references users (id) on delete cascade,
    language             text        not null default 'ja' check (language in ('ja', 'en')),
    milestones           text[]      not null,
    stops_away_threshold integer     not null default 3 check (stops_away_threshold between 1 and 50),
    -- local times in Asia/Tokyo; start after end means the period spans midnight
    quiet_start          time        not null default '21:00',
    quiet_end            time        not null default '08:00',
    -- delivery-day milestones the user still wants during quiet hours
    quiet_exempt         text[]      not null default '{}',
    updated_at           timestamptz not null default now()
);

-- The key of the signed unsubscribe links, made once per installation (unless configured).
create table notify_keys (
    name       text        primary key,
    secret     bytea       not null,
    created_at timestamptz not null default now()
);

-- The outbox of messages. The unique key makes a duplicate event a no-op; attempt_key tells a
-- second delivery attempt (another status change time, another stop) from the same event twice.
create table notify_notifications (
    id              bigint generated always as identity primary key,
    subscription_id bigint      not null references notify_subscriptions (id) on delete cascade,
    shipment_id     bigint      not null references shipments (id) on delete cascade,
    milestone       text        not null,
    attempt_key     text        not null,
    -- what the event said that the message shows (count of stops, estimate, reason), as JSON
    facts           jsonb       not null default '{}',
    state           text        not null default 'PENDING'
                        check (state in ('PENDING', 'SENDING', 'SENT', 'FAILED', 'DROPPED')),
    attempts        integer     not null default 0,
    next_attempt_at timestamptz not null,
    -- set with state SENDING: a row still SENDING long after was claimed by a node that died
    claimed_at      timestamptz,
    sent_at         timestamptz,
    last_error      text,
    created_at      timestamptz not null default now(),
    unique (subscription_id, shipment_id, milestone, attempt_key)
);

create index notify_notifications_due on notify_notifications (next_attempt_at) where state in ('PENDING', 'SENDING');
create index notify_notifications_shipment on notify_notifications (shipment_id);
