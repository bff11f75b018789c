-- Platform admins can disable a tenant's user (kept, not deleted, so the audit trail still names
-- them): a disabled user cannot sign in and their management tokens stop working.
alter table users add column disabled_at timestamptz;

-- Deleting a tenant is soft first: it is suspended (its users see why, the gateways refuse its
-- calls) and purged for good once purge_after has passed, unless an operator restores it before.
alter table tenants add column deleted_at timestamptz;
alter table tenants add column purge_after timestamptz;
create index tenants_purge_idx on tenants (purge_after) where purge_after is not null;

-- The purge is the one thing allowed to remove audit records and workflow versions: only a
-- transaction that says so (TenantPurge sets flowgate.purge) deletes them; updates and truncation
-- stay refused for everyone.
create or replace function refuse_change() returns trigger language plpgsql as $$
begin
    if tg_op = 'DELETE' and coalesce(current_setting('flowgate.purge', true), '') = 'on' then
        return old;
    end if;
    raise exception '% rows are append-only: % refused', tg_table_name, tg_op;
end;
$$;
