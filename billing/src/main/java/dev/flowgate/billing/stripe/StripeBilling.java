package dev.flowgate.billing.stripe;

import dev.flowgate.billing.invoices.Invoice;
import dev.flowgate.billing.invoices.InvoiceStatus;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * What billing needs from Stripe. Every call is safe to repeat: a retry after a timeout finds or
 * replays what the first attempt created instead of creating it twice.
 */
public interface StripeBilling {

  /** An invoice as Stripe holds it after a push. */
  record PushedInvoice(String stripeInvoiceId, InvoiceStatus status, @Nullable Instant paidAt) {}

  /** Creates the tenant's customer and returns its id. */
  String createCustomer(UUID tenantId);

  /**
   * Creates the invoice with one item per line under {@code customerId}, or finds the one an
   * earlier attempt created, and finalises it.
   */
  PushedInvoice pushInvoice(String customerId, Invoice invoice);

  /** Stripe could not be reached or refused the request; the caller keeps the invoice pending. */
  class StripeBillingException extends RuntimeException {

    private final boolean customerMissing;

    public StripeBillingException(String message, Throwable cause, boolean customerMissing) {
      super(message, cause);
      this.customerMissing = customerMissing;
    }

    /** Stripe no longer knows the customer it was given. */
    public boolean customerMissing() {
      return customerMissing;
    }
  }
}
