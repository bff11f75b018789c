-- Teammates invited by link with a role; only the SHA-256 of the link's token is stored.
create table invitations (
    id           uuid primary key,
    tenant_id    uuid         not null references tenants (id),
    email        varchar(254) not null,
    role         varchar(16)  not null check (role in ('owner', 'admin', 'developer', 'viewer', 'billing')),
    token_hash   char(64)     not null unique,
    invited_by   uuid,
    created_at   timestamptz  not null default now(),
    expires_at   timestamptz  not null,
    accepted_at  timestamptz
);
create index invitations_tenant_idx on invitations (tenant_id, created_at desc);
