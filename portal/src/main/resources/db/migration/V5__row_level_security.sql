-- Row-level security as a backstop to the tenant filter every query already has: a transaction
-- that acts for a tenant sets flowgate.tenant_id (TenantScopedTransactionManager), and then
-- PostgreSQL shows and accepts only that tenant's rows, even from a query that forgot its filter.
-- Work on behalf of no tenant (sign-up, login, token lookup, the gateway snapshot) leaves it unset
-- and is not restricted. FORCE makes it apply to the owning role the application connects as.

create or replace function current_tenant_allows(row_tenant uuid) returns boolean
    language sql stable as $$
    select coalesce(nullif(current_setting('flowgate.tenant_id', true), ''), row_tenant::text) = row_tenant::text
$$;

alter table users enable row level security;
alter table users force row level security;
create policy tenant_isolation on users using (current_tenant_allows(tenant_id));

alter table management_tokens enable row level security;
alter table management_tokens force row level security;
create policy tenant_isolation on management_tokens using (current_tenant_allows(tenant_id));

alter table services enable row level security;
alter table services force row level security;
create policy tenant_isolation on services using (current_tenant_allows(tenant_id));

alter table routes enable row level security;
alter table routes force row level security;
create policy tenant_isolation on routes using (current_tenant_allows(tenant_id));

alter table api_keys enable row level security;
alter table api_keys force row level security;
create policy tenant_isolation on api_keys using (current_tenant_allows(tenant_id));

alter table audit_logs enable row level security;
alter table audit_logs force row level security;
create policy tenant_isolation on audit_logs using (current_tenant_allows(tenant_id));

alter table workflows enable row level security;
alter table workflows force row level security;
create policy tenant_isolation on workflows using (current_tenant_allows(tenant_id));

alter table idempotency_keys enable row level security;
alter table idempotency_keys force row level security;
create policy tenant_isolation on idempotency_keys using (current_tenant_allows(tenant_id));

alter table invitations enable row level security;
alter table invitations force row level security;
create policy tenant_isolation on invitations using (current_tenant_allows(tenant_id));
