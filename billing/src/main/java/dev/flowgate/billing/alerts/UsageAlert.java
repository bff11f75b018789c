package dev.flowgate.billing.alerts;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A usage alert as listed and as sent to the webhook.
 *
 * @param period {@code yyyy-MM} (UTC)
 * @param deliveryStatus the webhook's: {@code pending}, {@code delivered}, {@code failed} or {@code not_configured}
 * @param emailStatus the mail's, with the same values
 */
public record UsageAlert(
    UUID id,
    UUID tenantId,
    String period,
    int thresholdPercent,
    long usedCalls,
    long includedCalls,
    Instant createdAt,
    String deliveryStatus,
    int deliveryAttempts,
    @Nullable String deliveryError,
    @Nullable Instant deliveredAt,
    String emailStatus,
    int emailAttempts,
    @Nullable String emailError,
    @Nullable Instant emailedAt) {}
