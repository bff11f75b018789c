-- Workflow definitions (system of record) with immutable versions, and stored answers of
-- idempotent POSTs.

create table workflows (
    id               uuid primary key,
    tenant_id        uuid         not null references tenants (id),
    name             varchar(100) not null,
    current_version  integer      not null check (current_version >= 1),
    created_at       timestamptz  not null default now(),
    updated_at       timestamptz  not null default now(),
    unique (tenant_id, name)
);
create index workflows_tenant_idx on workflows (tenant_id, created_at desc);

-- Immutable: the application inserts versions and never updates or deletes them.
create table workflow_versions (
    workflow_id  uuid        not null references workflows (id),
    version      integer     not null check (version >= 1),
    definition   jsonb       not null,
    created_by   uuid,
    created_at   timestamptz not null default now(),
    primary key (workflow_id, version)
);

-- One row per (tenant, Idempotency-Key): pending while the first request runs, then its answer.
create table idempotency_keys (
    tenant_id     uuid          not null references tenants (id),
    key           varchar(255)  not null,
    request_hash  char(64)      not null,
    status        integer,
    location      varchar(2048),
    body          text,
    created_at    timestamptz   not null default now(),
    primary key (tenant_id, key)
);
create index idempotency_keys_created_idx on idempotency_keys (created_at);
