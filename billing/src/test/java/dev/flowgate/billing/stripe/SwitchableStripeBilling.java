package dev.flowgate.billing.stripe;

import dev.flowgate.billing.invoices.Invoice;
import java.time.Duration;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The real Stripe port, except for tenants a test marks down: their calls go through the same
 * stripe-java client to a closed port, so Stripe is really unreachable for them.
 */
public final class SwitchableStripeBilling implements StripeBilling {

  private final StripeBilling real;
  private final StripeBilling unreachable;
  private final Set<UUID> down = ConcurrentHashMap.newKeySet();

  SwitchableStripeBilling(StripeBilling real) {
    this.real = real;
    var nowhere = new StripeProperties(null, "http://127.0.0.1:1", null, Duration.ofSeconds(300), Duration.ofHours(1),
        Duration.ofSeconds(1), Duration.ofSeconds(1), 30);
    this.unreachable = new StripeClientBilling(StripeConfiguration.client(nowhere), 30);
  }

  public void down(UUID tenantId) {
    down.add(tenantId);
  }

  public void up(UUID tenantId) {
    down.remove(tenantId);
  }

  @Override
  public String createCustomer(UUID tenantId) {
    return (down.contains(tenantId) ? unreachable : real).createCustomer(tenantId);
  }

  @Override
  public PushedInvoice pushInvoice(String customerId, Invoice invoice) {
    return (down.contains(invoice.tenantId()) ? unreachable : real).pushInvoice(customerId, invoice);
  }
}
