-- Foundation: tenants, users, management tokens, services, routes, API keys, config version, audit.
-- Every tenant-owned table carries tenant_id; queries always filter by it.

create table tenants (
    id          uuid primary key,
    slug        varchar(63)  not null unique,
    name        varchar(100) not null,
    status      varchar(16)  not null default 'active' check (status in ('active', 'suspended')),
    created_at  timestamptz  not null default now()
);

create table users (
    id             uuid primary key,
    tenant_id      uuid         not null references tenants (id),
    email          varchar(254) not null,
    password_hash  varchar(255) not null,
    role           varchar(16)  not null check (role in ('owner', 'admin', 'developer', 'viewer', 'billing')),
    created_at     timestamptz  not null default now()
);
create unique index users_email_lower_uq on users (lower(email));
create index users_tenant_idx on users (tenant_id);

create table management_tokens (
    id          uuid primary key,
    tenant_id   uuid         not null references tenants (id),
    user_id     uuid         not null references users (id),
    name        varchar(100) not null,
    token_hash  char(64)     not null unique,
    prefix      varchar(16)  not null,
    created_at  timestamptz  not null default now(),
    revoked_at  timestamptz
);
create index management_tokens_tenant_idx on management_tokens (tenant_id);

create table services (
    id                  uuid primary key,
    tenant_id           uuid          not null references tenants (id),
    name                varchar(100)  not null,
    url                 varchar(2048) not null,
    connect_timeout_ms  integer       not null,
    read_timeout_ms     integer       not null,
    retries             integer       not null check (retries between 0 and 5),
    health_check_path   varchar(512),
    created_at          timestamptz   not null default now(),
    updated_at          timestamptz   not null default now(),
    unique (tenant_id, name)
);

create table routes (
    id          uuid primary key,
    tenant_id   uuid         not null references tenants (id),
    service_id  uuid         not null references services (id),
    name        varchar(100) not null,
    paths       text[]       not null,
    methods     text[]       not null default '{}',
    hosts       text[]       not null default '{}',
    strip_path  boolean      not null default false,
    policies    jsonb        not null default '[]'::jsonb,
    created_at  timestamptz  not null default now(),
    updated_at  timestamptz  not null default now(),
    unique (tenant_id, name)
);
create index routes_service_idx on routes (tenant_id, service_id);

create table api_keys (
    id                      uuid primary key,
    tenant_id               uuid         not null references tenants (id),
    name                    varchar(100) not null,
    lookup_prefix           varchar(16)  not null,
    secret_digest           char(64)     not null unique,
    previous_secret_digest  char(64),
    previous_valid_until    timestamptz,
    scopes                  text[]       not null default '{*}',
    rate_limit_limit        bigint,
    rate_limit_window       integer,
    expires_at              timestamptz,
    revoked_at              timestamptz,
    created_at              timestamptz  not null default now()
);
create index api_keys_tenant_idx on api_keys (tenant_id, created_at);
create index api_keys_lookup_idx on api_keys (lookup_prefix);

-- One row: the snapshot version, bumped in the same transaction as every config change.
create table config_version (
    id       smallint primary key default 1 check (id = 1),
    version  bigint not null
);
insert into config_version (id, version) values (1, 1);

-- Append-only: the application only inserts.
create table audit_logs (
    id             uuid primary key,
    tenant_id      uuid         not null references tenants (id),
    actor_id       uuid,
    actor_type     varchar(16)  not null,
    action         varchar(64)  not null,
    resource_type  varchar(32)  not null,
    resource_id    varchar(64),
    before         jsonb,
    after          jsonb,
    request_id     varchar(128),
    occurred_at    timestamptz  not null default now()
);
create index audit_logs_tenant_idx on audit_logs (tenant_id, occurred_at desc);
