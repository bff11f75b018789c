-- Metering inserts every api call into api_calls, and each index costs a little on each insert.
-- Nothing reads raw calls by tenant (usage is read from the aggregates), so that index goes; the
-- retention job's range on occurred_at needs only a BRIN index, which the mostly time-ordered
-- inserts keep tight and which costs almost nothing to maintain. The event_id key stays: it is the
-- exactly-once de-duplication.
DROP INDEX api_calls_tenant_occurred_idx;
DROP INDEX api_calls_occurred_idx;
CREATE INDEX api_calls_occurred_brin ON api_calls USING brin (occurred_at);
