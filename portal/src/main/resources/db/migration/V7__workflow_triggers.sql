-- Triggers of a workflow: a cron schedule (forwarded to the worker), a manual start, or a
-- gateway route (api_route). Tenant-scoped like every other table.

create table workflow_triggers (
    id                 uuid primary key,
    tenant_id          uuid         not null references tenants (id),
    workflow_id        uuid         not null references workflows (id),
    type               varchar(20)  not null check (type in ('schedule', 'manual', 'api_route')),
    cron               varchar(200),
    zone               varchar(64),
    missed_run_policy  varchar(20),
    route_id           uuid,
    input_template     jsonb,
    created_by         uuid,
    created_at         timestamptz  not null default now()
);
create index workflow_triggers_workflow_idx on workflow_triggers (tenant_id, workflow_id, created_at);

alter table workflow_triggers enable row level security;
alter table workflow_triggers force row level security;
create policy tenant_isolation on workflow_triggers using (current_tenant_allows(tenant_id));
