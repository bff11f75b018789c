-- Idempotency-Key answers (V2) generalised from "POSTs of workflows" to every create of the API:
-- each stored answer says which request it answers (method and path, shown in a 422) and when it
-- expires, per row, so the retention can change without rewriting old rows and expired rows are
-- purged by an index range scan.

alter table idempotency_keys add column expires_at timestamptz;
update idempotency_keys set expires_at = created_at + interval '24 hours';
alter table idempotency_keys alter column expires_at set not null;

alter table idempotency_keys add column request_method varchar(10);
alter table idempotency_keys add column request_path varchar(2048);
alter table idempotency_keys add column content_type varchar(255);

drop index if exists idempotency_keys_created_idx;
create index idempotency_keys_expires_idx on idempotency_keys (expires_at);
