-- Password reset by mailed link. Only the SHA-256 of the link's token is stored; a link works once,
-- for 30 minutes, and using one ends every other open link of the same user (PasswordResets).
create table password_resets (
    id          uuid primary key,
    tenant_id   uuid        not null references tenants (id),
    user_id     uuid        not null references users (id),
    token_hash  char(64)    not null unique,
    created_at  timestamptz not null default now(),
    expires_at  timestamptz not null,
    used_at     timestamptz
);
create index password_resets_open_idx on password_resets (user_id) where used_at is null;

alter table password_resets enable row level security;
alter table password_resets force row level security;
create policy tenant_isolation on password_resets using (current_tenant_allows(tenant_id));
