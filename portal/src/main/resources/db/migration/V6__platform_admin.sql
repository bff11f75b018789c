-- Platform administration: platform users belong to no tenant (so they are never scoped by the
-- row-level security of V5), sign in with the same login form and hold one platform role.
-- Their bearer tokens live apart from the tenants' management tokens, in the same fgm_ format.

create table platform_users (
    id             uuid primary key,
    email          varchar(254) not null,
    password_hash  varchar(255) not null,
    role           varchar(32)  not null check (role in ('platform-admin', 'billing-team')),
    created_at     timestamptz  not null default now()
);
create unique index platform_users_email_lower_uq on platform_users (lower(email));

create table platform_tokens (
    id                uuid primary key,
    platform_user_id  uuid         not null references platform_users (id),
    name              varchar(100) not null,
    token_hash        char(64)     not null unique,
    prefix            varchar(16)  not null,
    created_at        timestamptz  not null default now(),
    revoked_at        timestamptz
);

-- Why a tenant is suspended, shown to its users; cleared on reinstatement.
alter table tenants add column suspended_reason varchar(500);
alter table tenants add column suspended_at timestamptz;
create index tenants_status_idx on tenants (status, created_at);
