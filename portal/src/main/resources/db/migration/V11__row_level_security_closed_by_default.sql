-- Row-level security closed by default. V5 let a transaction with no tenant set see every row, so a
-- forgotten scope (a new background job, a query outside a transaction) silently read across
-- tenants. Now a transaction sees only the rows of the tenant in flowgate.tenant_id, and none when
-- it is unset; work that is legitimately cross-tenant (login by email, sign-up, management token
-- lookup, invitation acceptance, the gateway snapshot, the admin area) says so explicitly with
-- flowgate.platform = 'on' (PlatformScope and TenantScopedTransactionManager).
--
-- This is a backstop against application mistakes, not a boundary against whoever holds the
-- database credentials: any session of the application role may set either setting. Data
-- migrations that touch tenant rows must start with select set_config('flowgate.platform', 'on', true).
-- Backups (deploy/local/backup) run with the same setting and pg_dump --enable-row-security.

create or replace function current_tenant_allows(row_tenant uuid) returns boolean
    language sql stable as $$
    select coalesce(current_setting('flowgate.platform', true) = 'on', false)
        or row_tenant::text = nullif(current_setting('flowgate.tenant_id', true), '')
$$;
