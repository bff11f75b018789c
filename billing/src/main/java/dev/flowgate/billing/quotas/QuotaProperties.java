package dev.flowgate.billing.quotas;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings under {@code flowgate.billing.quotas}.
 *
 * @param natsUrl the NATS server {@code billing.quotas} is published on (plain NATS)
 * @param evaluateInterval how often tenants whose usage grew are re-evaluated
 * @param resendInterval how often every blocked tenant is announced again
 */
@ConfigurationProperties("flowgate.billing.quotas")
public record QuotaProperties(
    @DefaultValue("nats://127.0.0.1:4222") String natsUrl,
    @DefaultValue("250ms") Duration evaluateInterval,
    @DefaultValue("5s") Duration resendInterval) {}
