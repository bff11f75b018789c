-- Raw api-call records, one row per envelope. event_id is the de-duplication key: a replayed or
-- duplicated record hits the primary key and is neither stored nor aggregated a second time.
CREATE TABLE api_calls (
    event_id        uuid        PRIMARY KEY,
    tenant_id       uuid        NOT NULL,
    request_id      text        NOT NULL,
    key_id          uuid,
    route_id        uuid,
    service_id      uuid,
    method          text        NOT NULL,
    path            text        NOT NULL,
    status          integer     NOT NULL,
    latency_ms      bigint      NOT NULL,
    request_bytes   bigint      NOT NULL,
    response_bytes  bigint      NOT NULL,
    occurred_at     timestamptz NOT NULL,
    received_at     timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX api_calls_tenant_occurred_idx ON api_calls (tenant_id, occurred_at);
CREATE INDEX api_calls_occurred_idx ON api_calls (occurred_at);

-- Hourly aggregates per tenant, key and route (a null key or route is its own group).
-- latency_histogram holds counts per bucket of dev.flowgate.billing.metering.LatencyHistogram.
CREATE TABLE usage_hourly (
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
    latency_histogram  bigint[]    NOT NULL,
    updated_at         timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT usage_hourly_group_uq UNIQUE NULLS NOT DISTINCT (tenant_id, bucket_start, key_id, route_id)
);
