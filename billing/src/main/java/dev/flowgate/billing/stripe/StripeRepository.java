package dev.flowgate.billing.stripe;

import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** Tenants' Stripe customers and the Stripe events already received. */
@Repository
class StripeRepository {

  private final JdbcTemplate jdbc;

  StripeRepository(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  Optional<String> customerOf(UUID tenantId) {
    return jdbc.queryForList("SELECT stripe_customer_id FROM billing.stripe_customers WHERE tenant_id = ?",
        String.class, tenantId).stream().findFirst();
  }

  /** Stores the tenant's customer unless one is stored already; returns the stored one. */
  String saveCustomer(UUID tenantId, String stripeCustomerId) {
    jdbc.update("INSERT INTO billing.stripe_customers (tenant_id, stripe_customer_id) VALUES (?, ?) ON CONFLICT (tenant_id) DO NOTHING",
        tenantId, stripeCustomerId);
    return customerOf(tenantId).orElse(stripeCustomerId);
  }

  void forgetCustomer(UUID tenantId) {
    jdbc.update("DELETE FROM billing.stripe_customers WHERE tenant_id = ?", tenantId);
  }

  /** Records the event; false when it was recorded before (a replay). */
  boolean recordEvent(String eventId, String type, @Nullable String stripeInvoiceId) {
    return jdbc.update(
        """
        INSERT INTO billing.stripe_events (event_id, type, stripe_invoice_id, outcome) VALUES (?, ?, ?, 'received')
        ON CONFLICT (event_id) DO NOTHING
        """,
        eventId, type, stripeInvoiceId) == 1;
  }

  void eventOutcome(String eventId, @Nullable UUID invoiceId, String outcome) {
    jdbc.update("UPDATE billing.stripe_events SET invoice_id = ?, outcome = ? WHERE event_id = ?", invoiceId, outcome, eventId);
  }
}
