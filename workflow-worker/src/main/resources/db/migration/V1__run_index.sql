-- The run index: what the status API reads, updated by the interpreting workflow as steps progress.
create table workflow_runs (
    execution_id  text primary key,
    tenant_id     uuid        not null,
    workflow_id   text,
    version       integer,
    trigger_type  text        not null default 'manual',
    status        text        not null check (status in ('PENDING', 'RUNNING', 'COMPLETED', 'FAILED', 'CANCELLED')),
    current_step  text,
    progress      integer     not null default 0,
    error         text,
    revision      bigint      not null default 0,
    created_at    timestamptz not null default now(),
    last_update   timestamptz not null default now()
);

create index workflow_runs_by_workflow on workflow_runs (tenant_id, workflow_id, created_at desc);

create table workflow_run_steps (
    execution_id  text        not null references workflow_runs (execution_id) on delete cascade,
    step_id       text        not null,
    tenant_id     uuid        not null,
    position      integer     not null,
    status        text        not null check (status in ('QUEUED', 'EXECUTING', 'SUCCESS', 'FAILED', 'SKIPPED')),
    attempts      integer     not null default 0,
    started_at    timestamptz,
    ended_at      timestamptz,
    output        jsonb,
    error         text,
    primary key (execution_id, step_id)
);
