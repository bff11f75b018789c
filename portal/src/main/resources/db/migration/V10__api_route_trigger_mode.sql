-- An api_route trigger becomes the route's workflow_trigger policy in the gateway snapshot: how
-- the gateway answers (async: 202 at once; passthrough: the upstream's answer) and which version
-- runs (null: the current one when the run starts).

alter table workflow_triggers add column mode varchar(20)
    check (mode is null or mode in ('async', 'passthrough'));
alter table workflow_triggers add column workflow_version integer
    check (workflow_version is null or workflow_version >= 1);
update workflow_triggers set mode = 'async' where type = 'api_route';

create index workflow_triggers_route_idx on workflow_triggers (route_id) where type = 'api_route';
