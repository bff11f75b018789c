-- Signals a wait_for_signal step refused (the sender's role is not among its approverRoles), as the
-- run reported them: [{stepId, signal, actorId, role, at, reason}].
alter table workflow_runs add column refused_signals jsonb not null default '[]';
-- What a run of an idempotent definition needs to start again when the local Temporal dev server
-- lost it ({definition, input}); null for every other run, so inputs are not kept without need.
alter table workflow_runs add column restart_request jsonb;
