-- audit.logs is fed from an outbox, so no audit record misses the topic however long Kafka is away
-- or whether the portal restarts meanwhile: the row that lists a record is written in the same
-- transaction as the record, and AuditOutboxRelay removes it only once Kafka has acknowledged the
-- record. Records written before this migration went out through the old after-commit send and are
-- not listed again (a SIEM would see them twice).
create table audit_outbox (
    seq        bigint generated always as identity primary key,
    audit_id   uuid not null unique references audit_logs (id),
    tenant_id  uuid not null references tenants (id),
    listed_at  timestamptz not null default clock_timestamp()
);

alter table audit_outbox enable row level security;
alter table audit_outbox force row level security;
create policy tenant_isolation on audit_outbox using (current_tenant_allows(tenant_id));
