-- Latency percentiles come from HdrHistograms (compressed, serialized per aggregate row and merged
-- when read), which replace the fixed-bucket bigint[] counts; call counts and the rest stay.
ALTER TABLE usage_hourly DROP COLUMN latency_histogram;
ALTER TABLE usage_hourly ADD COLUMN latency_hdr bytea;

-- Daily aggregates per tenant, key and route (UTC days), written in the same transaction as the
-- hourly ones, so day-granularity usage and period totals read far fewer rows.
CREATE TABLE usage_daily (
    tenant_id          uuid        NOT NULL,
    bucket_start       timestamptz NOT NULL,
    key_id             uuid,
    route_id           uuid,
    calls              bigint      NOT NULL,
    errors             bigint      NOT NULL,
    server_errors      bigint      NOT NULL,
    request_bytes      bigint      NOT NULL,
    response_bytes     bigint      NOT NULL,
    latency_sum_ms     bigint      NOT NULL,
    latency_max_ms     bigint      NOT NULL,
    latency_hdr        bytea,
    updated_at         timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT usage_daily_group_uq UNIQUE NULLS NOT DISTINCT (tenant_id, bucket_start, key_id, route_id)
);

-- Existing hourly rows become daily rows (their percentiles are lost with the old column).
INSERT INTO usage_daily (tenant_id, bucket_start, key_id, route_id, calls, errors, server_errors, request_bytes,
    response_bytes, latency_sum_ms, latency_max_ms)
SELECT tenant_id, date_trunc('day', bucket_start AT TIME ZONE 'UTC') AT TIME ZONE 'UTC', key_id, route_id,
       sum(calls), sum(errors), sum(server_errors), sum(request_bytes), sum(response_bytes), sum(latency_sum_ms),
       max(latency_max_ms)
FROM usage_hourly
GROUP BY 1, 2, 3, 4;

CREATE INDEX usage_daily_bucket_idx ON usage_daily (bucket_start);
CREATE INDEX usage_hourly_bucket_idx ON usage_hourly (bucket_start);
