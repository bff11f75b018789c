-- Schedule triggers: the worker's scheduler claims due rows (FOR UPDATE SKIP LOCKED), starts their
-- runs and moves next_fire_at on, so each fire time starts one run whatever the number of workers.
-- Ids are chosen by the portal and unique across tenants (they name the runs: sched-{id}-{epoch}).
create table workflow_schedules (
    id                text        primary key,
    tenant_id         uuid        not null,
    workflow_id       text        not null,
    version           integer,
    cron              text        not null,
    zone_id           text        not null default 'UTC',
    missed_run_policy text        not null default 'SKIP' check (missed_run_policy in ('SKIP', 'RUN_ONCE', 'RUN_ALL')),
    input             jsonb       not null default '{}',
    next_fire_at      timestamptz not null,
    last_fired_at     timestamptz,
    enabled           boolean     not null default true,
    created_at        timestamptz not null default now(),
    updated_at        timestamptz not null default now()
);

create index workflow_schedules_by_workflow on workflow_schedules (tenant_id, workflow_id);
create index workflow_schedules_due on workflow_schedules (next_fire_at) where enabled;
