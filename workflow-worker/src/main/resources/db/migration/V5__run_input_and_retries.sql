-- A run's input, kept so a FAILED run can be retried on its pinned version with the same input
-- (the portal's "Retry"); retry_of names the run a retry was started from.
alter table workflow_runs add column input jsonb;
alter table workflow_runs add column retry_of text;
