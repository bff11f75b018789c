package dev.flowgate.billing.invoices;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * An invoice as the internal API shows it. The running bill has no id or number yet and is a
 * {@code draft}; lists leave {@code lineItems} out.
 */
public record Invoice(
    @Nullable UUID id,
    UUID tenantId,
    @Nullable String number,
    Instant periodStart,
    Instant periodEnd,
    String planCode,
    long calls,
    InvoiceStatus status,
    String currency,
    long subtotalMinor,
    long totalMinor,
    @JsonInclude(JsonInclude.Include.NON_NULL) @Nullable List<LineItem> lineItems,
    @Nullable String stripeInvoiceId,
    @Nullable Instant finalizedAt,
    @Nullable Instant paidAt) {

  Invoice withoutLineItems() {
    return new Invoice(id, tenantId, number, periodStart, periodEnd, planCode, calls, status, currency,
        subtotalMinor, totalMinor, null, stripeInvoiceId, finalizedAt, paidAt);
  }
}
