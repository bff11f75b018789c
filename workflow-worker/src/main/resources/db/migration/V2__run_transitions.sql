-- How many transitions of a run went to workflow.events: the next one's sequence number follows it.
alter table workflow_runs add column transitions bigint not null default 0;
