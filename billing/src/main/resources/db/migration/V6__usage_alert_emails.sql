-- Usage alerts are also mailed when a mail server and recipients are configured; the mail's
-- delivery is recorded apart from the webhook's, since either may fail alone.
ALTER TABLE usage_alerts
    ADD COLUMN email_status   text        NOT NULL DEFAULT 'not_configured'
        CHECK (email_status IN ('pending', 'delivered', 'failed', 'not_configured')),
    ADD COLUMN email_attempts integer     NOT NULL DEFAULT 0,
    ADD COLUMN email_error    text,
    ADD COLUMN emailed_at     timestamptz;
