-- Accounts and privacy (account module, docs/security.md): who may sign in, with which role and
-- in which tenant; machine credentials; share links; the audit log of sensitive reads and changes.

-- A marketplace tenant hosts sellers; their orders carry the seller.
alter table tenants add column marketplace boolean not null default false;

create table sellers (
    id          bigint generated always as identity primary key,
    tenant_id   bigint      not null references tenants (id),
    code        text        not null,
    name        text        not null,
    created_at  timestamptz not null default now(),
    unique (tenant_id, code)
);

alter table orders add column seller_id bigint references sellers (id);
-- A gift's giver decides what the recipient's share link shows besides the status.
alter table orders add column gift_show_giver boolean not null default false;
alter table orders add column gift_show_items boolean not null default false;
create index orders_seller on orders (seller_id) where seller_id is not null;

create table users (
    id              bigint generated always as identity primary key,
    -- null only for administrators, who see every tenant
    tenant_id       bigint      references tenants (id),
    seller_id       bigint      references sellers (id),
    email           text        not null,
    display_name    text        not null,
    role            text        not null check (role in ('SHOPPER', 'OPERATOR', 'SELLER', 'DRIVER', 'ADMIN')),
    -- Spring Security's delegating format, e.g. {bcrypt}$2a$10$…
    password_hash   text        not null,
    failed_sign_ins integer     not null default 0,
    locked_until    timestamptz,
    disabled        boolean     not null default false,
    created_at      timestamptz not null default now(),
    check ((role = 'ADMIN') = (tenant_id is null)),
    check ((role = 'SELLER') = (seller_id is not null))
);

create unique index users_email on users (lower(email));

-- API keys of machine clients and device tokens of drivers' phones: only a SHA-256 digest of the
-- secret is kept (the secret is 256 random bits, so a slow hash adds nothing); the prefix lets
-- people tell their keys apart.
create table credentials (
    id            bigint generated always as identity primary key,
    kind          text        not null check (kind in ('API_KEY', 'DEVICE_TOKEN')),
    tenant_id     bigint      references tenants (id),
    role          text        not null check (role in ('OPERATOR', 'SELLER', 'DRIVER', 'ADMIN')),
    seller_id     bigint      references sellers (id),
    -- the driver whose phone holds a device token
    user_id       bigint      references users (id),
    name          text        not null,
    prefix        text        not null,
    secret_sha256 bytea       not null unique,
    created_by    text        not null,
    created_at    timestamptz not null default now(),
    last_used_at  timestamptz,
    revoked_at    timestamptz,
    check ((role = 'ADMIN') = (tenant_id is null)),
    check ((kind = 'DEVICE_TOKEN') = (role = 'DRIVER' and user_id is not null))
);

create index credentials_tenant on credentials (tenant_id);

create table share_links (
    id            bigint generated always as identity primary key,
    tenant_id     bigint      not null references tenants (id),
    shipment_id   bigint      not null references shipments (id),
    token_sha256  bytea       not null unique,
    created_by    text        not null,
    created_at    timestamptz not null default now(),
    expires_at    timestamptz not null,
    revoked_at    timestamptz
);

create index share_links_shipment on share_links (shipment_id);

create table audit_log (
    id          bigint generated always as identity primary key,
    at          timestamptz not null default now(),
    -- who: "user:12 (operator@example.jp)", "api-key:3 (shop backend)", "share-link:5"
    actor       text        not null,
    actor_role  text,
    tenant_id   bigint,
    action      text        not null,
    target      text        not null,
    client      text
);

create index audit_log_at on audit_log (at desc);
