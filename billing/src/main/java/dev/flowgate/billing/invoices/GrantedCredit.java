package dev.flowgate.billing.invoices;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A credit the billing team granted, as stored and listed.
 *
 * @param invoiceId the invoice that used it, null while it waits for the next one
 * @param appliedMinor how much of it that invoice used (the rest was carried over as a new credit)
 */
public record GrantedCredit(
    UUID id,
    UUID tenantId,
    long amountMinor,
    String currency,
    String reason,
    String actor,
    Instant createdAt,
    @Nullable UUID invoiceId,
    @Nullable Long appliedMinor) {

  Credit asCredit() {
    return new Credit("Credit: " + reason, amountMinor);
  }
}
