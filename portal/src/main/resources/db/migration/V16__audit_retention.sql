-- Audit records are kept for a retention period (2 years by default, flowgate.audit.retention), then
-- removed by AuditRetention. The append-only backstop stays: besides the tenant purge, a delete is
-- let through only for an audit record older than the cutoff the retention job's own transaction
-- names in flowgate.audit_cutoff. Updates and truncation stay refused for everyone.
create or replace function refuse_change() returns trigger language plpgsql as $$
declare
    cutoff text := nullif(current_setting('flowgate.audit_cutoff', true), '');
begin
    if tg_op = 'DELETE' and coalesce(current_setting('flowgate.purge', true), '') = 'on' then
        return old;
    end if;
    -- nested: PL/pgSQL may evaluate every operand of an AND, and other tables have no occurred_at
    if tg_op = 'DELETE' and tg_table_name = 'audit_logs' and cutoff is not null then
        if old.occurred_at < cutoff::timestamptz then
            return old;
        end if;
    end if;
    raise exception '% rows are append-only: % refused', tg_table_name, tg_op;
end;
$$;

create index audit_logs_occurred_idx on audit_logs (occurred_at);
