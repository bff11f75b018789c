-- The last quota state billing announced per tenant and period; a change is published on NATS.
CREATE TABLE quota_states (
    tenant_id       uuid        NOT NULL,
    period          char(7)     NOT NULL,
    state           text        NOT NULL CHECK (state IN ('ok', 'warning', 'included_exhausted', 'hard_limit_reached')),
    blocked         boolean     NOT NULL,
    used_calls      bigint      NOT NULL,
    included_calls  bigint      NOT NULL,
    hard_limit      bigint,
    blocked_until   timestamptz,
    changed_at      timestamptz NOT NULL,
    PRIMARY KEY (tenant_id, period)
);

CREATE INDEX quota_states_blocked_idx ON quota_states (period) WHERE blocked;

-- Usage alerts at 80% and 100% of the included calls: once per tenant, period and threshold.
CREATE TABLE usage_alerts (
    id                 uuid        PRIMARY KEY,
    tenant_id          uuid        NOT NULL,
    period             char(7)     NOT NULL,
    threshold_percent  integer     NOT NULL CHECK (threshold_percent IN (80, 100)),
    used_calls         bigint      NOT NULL,
    included_calls     bigint      NOT NULL,
    created_at         timestamptz NOT NULL,
    delivery_status    text        NOT NULL CHECK (delivery_status IN ('pending', 'delivered', 'failed', 'not_configured')),
    delivery_attempts  integer     NOT NULL DEFAULT 0,
    delivery_error     text,
    delivered_at       timestamptz,
    CONSTRAINT usage_alerts_once_uq UNIQUE (tenant_id, period, threshold_percent)
);

CREATE INDEX usage_alerts_tenant_idx ON usage_alerts (tenant_id, created_at DESC);
