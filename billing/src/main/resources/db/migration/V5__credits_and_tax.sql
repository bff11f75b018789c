-- Credits granted by the billing team, in minor units. A credit is used up by the first invoice
-- finalised after it was granted (invoice_id set); what that invoice could not absorb is carried
-- over as a new credit.
CREATE TABLE credits (
    id            uuid        PRIMARY KEY,
    tenant_id     uuid        NOT NULL,
    amount_minor  bigint      NOT NULL CHECK (amount_minor > 0),
    currency      char(3)     NOT NULL,
    reason        text        NOT NULL,
    actor         text        NOT NULL,
    created_at    timestamptz NOT NULL,
    invoice_id    uuid        REFERENCES invoices (id),
    applied_minor bigint
);

CREATE INDEX credits_tenant_idx ON credits (tenant_id, created_at);
CREATE INDEX credits_unapplied_idx ON credits (tenant_id) WHERE invoice_id IS NULL;

-- Tax rates in basis points (2000 = 20%): a tenant's own rate wins over its plan's; neither → no tax.
ALTER TABLE plans ADD COLUMN tax_rate_bp integer CHECK (tax_rate_bp IS NULL OR tax_rate_bp BETWEEN 0 AND 10000);

CREATE TABLE tenant_tax_rates (
    tenant_id    uuid        PRIMARY KEY,
    rate_bp      integer     NOT NULL CHECK (rate_bp BETWEEN 0 AND 10000),
    label        text        NOT NULL,
    updated_at   timestamptz NOT NULL
);

CREATE INDEX invoices_period_status_idx ON invoices (period_start, status);
