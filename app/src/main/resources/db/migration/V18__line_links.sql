-- Linking a user to the LINE official account (docs/notifications.md, "The LINE channel"): a
-- one-time code shown on /account/notifications, sent by the user to the account, read by the
-- LINE webhook; then the LINE user id the webhook saw, per user.
create table notify_line_codes (
    code       text primary key,
    user_id    bigint not null references users (id) on delete cascade,
    tenant_id  bigint,
    email      text not null,
    expires_at timestamptz not null
);
create index notify_line_codes_user on notify_line_codes (user_id);

create table notify_line_links (
    user_id      bigint primary key references users (id) on delete cascade,
    line_user_id text not null,
    linked_at    timestamptz not null
);
create index notify_line_links_line_user on notify_line_links (line_user_id);
