-- Audit records and workflow versions are immutable: the database refuses to change or remove
-- them, whatever the application does (a backstop to "the application only inserts").

create or replace function refuse_change() returns trigger language plpgsql as $$
begin
    raise exception '% rows are append-only: % refused', tg_table_name, tg_op;
end;
$$;

create trigger audit_logs_append_only
    before update or delete on audit_logs
    for each row execute function refuse_change();

create trigger audit_logs_no_truncate
    before truncate on audit_logs
    for each statement execute function refuse_change();

create trigger workflow_versions_immutable
    before update or delete on workflow_versions
    for each row execute function refuse_change();
