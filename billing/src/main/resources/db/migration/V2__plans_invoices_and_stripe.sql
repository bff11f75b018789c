-- Plans: prices in minor units of the plan's ISO currency; never floating point.
CREATE TABLE plans (
    code                        text        PRIMARY KEY,
    name                        text        NOT NULL,
    currency                    char(3)     NOT NULL,
    base_price_minor            bigint      NOT NULL CHECK (base_price_minor >= 0),
    included_calls              bigint      NOT NULL CHECK (included_calls >= 0),
    overage_per_thousand_minor  bigint      NOT NULL CHECK (overage_per_thousand_minor >= 0),
    hard_limit_calls            bigint      CHECK (hard_limit_calls IS NULL OR hard_limit_calls >= 0),
    sort_order                  integer     NOT NULL DEFAULT 0
);

INSERT INTO plans (code, name, currency, base_price_minor, included_calls, overage_per_thousand_minor, hard_limit_calls, sort_order)
VALUES ('free',    'Free',    'USD',     0,    10000,  0, 10000, 1),
       ('starter', 'Starter', 'USD',  2900,   100000, 50,  NULL, 2),
       ('growth',  'Growth',  'USD', 19900,  2000000, 20,  NULL, 3);

-- Plan history per tenant: the plan in force at an instant is the latest row with since <= it.
-- A tenant without a row is on 'free'.
CREATE TABLE tenant_plans (
    tenant_id   uuid        NOT NULL,
    since       timestamptz NOT NULL,
    plan_code   text        NOT NULL REFERENCES plans (code),
    PRIMARY KEY (tenant_id, since)
);

CREATE SEQUENCE invoice_number_seq;

-- One invoice per tenant and calendar month (UTC); the unique constraint is the last line of
-- defence behind the finaliser's advisory lock.
CREATE TABLE invoices (
    id                   uuid        PRIMARY KEY,
    tenant_id            uuid        NOT NULL,
    number               text        NOT NULL UNIQUE,
    period_start         timestamptz NOT NULL,
    period_end           timestamptz NOT NULL,
    plan_code            text        NOT NULL REFERENCES plans (code),
    calls                bigint      NOT NULL,
    status               text        NOT NULL CHECK (status IN ('draft', 'open', 'paid', 'payment_failed', 'void')),
    currency             char(3)     NOT NULL,
    subtotal_minor       bigint      NOT NULL,
    total_minor          bigint      NOT NULL,
    stripe_sync_pending  boolean     NOT NULL DEFAULT false,
    stripe_sync_attempts integer     NOT NULL DEFAULT 0,
    stripe_sync_error    text,
    stripe_next_attempt_at timestamptz,
    stripe_customer_id   text,
    stripe_invoice_id    text        UNIQUE,
    created_at           timestamptz NOT NULL DEFAULT now(),
    finalized_at         timestamptz,
    paid_at              timestamptz,
    CONSTRAINT invoices_tenant_period_uq UNIQUE (tenant_id, period_start)
);

CREATE INDEX invoices_tenant_period_idx ON invoices (tenant_id, period_start DESC);
CREATE INDEX invoices_sync_pending_idx ON invoices (stripe_next_attempt_at) WHERE stripe_sync_pending;

CREATE TABLE invoice_line_items (
    invoice_id         uuid    NOT NULL REFERENCES invoices (id) ON DELETE CASCADE,
    position           integer NOT NULL,
    kind               text    NOT NULL CHECK (kind IN ('base', 'overage', 'credit', 'tax')),
    description        text    NOT NULL,
    quantity           bigint  NOT NULL,
    unit_amount_minor  bigint  NOT NULL,
    amount_minor       bigint  NOT NULL,
    PRIMARY KEY (invoice_id, position)
);

-- The Stripe customer of each tenant, created once and reused.
CREATE TABLE stripe_customers (
    tenant_id           uuid        PRIMARY KEY,
    stripe_customer_id  text        NOT NULL UNIQUE,
    created_at          timestamptz NOT NULL DEFAULT now()
);

-- Every verified Stripe event, keyed by its id: a replayed delivery finds its row and changes nothing.
CREATE TABLE stripe_events (
    event_id           text        PRIMARY KEY,
    type               text        NOT NULL,
    stripe_invoice_id  text,
    invoice_id         uuid,
    outcome            text        NOT NULL,
    received_at        timestamptz NOT NULL DEFAULT now()
);
