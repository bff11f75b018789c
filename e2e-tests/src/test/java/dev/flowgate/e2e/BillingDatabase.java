package dev.flowgate.e2e;

import java.util.UUID;

/**
 * Test data billing only makes on a schedule: an open invoice of last month, written with psql
 * into the platform's database ({@code FLOWGATE_DB_URL}, as the runtimes get it).
 */
final class BillingDatabase {

  private final LocalStack local;
  private final String database;

  BillingDatabase(LocalStack local) {
    this.local = local;
    String url = System.getenv().getOrDefault("FLOWGATE_DB_URL", "jdbc:postgresql://127.0.0.1:5432/flowgate");
    this.database = url.substring(url.lastIndexOf('/') + 1).replaceAll("[?].*", "");
  }

  /** Inserts an open invoice of last month for the tenant, linked to a Stripe invoice id; returns its id. */
  UUID openInvoice(UUID tenantId, String stripeInvoiceId) {
    UUID id = UUID.randomUUID();
    local.output("psql", "-h", "127.0.0.1", "-U", "flowgate", "-d", database, "-v", "ON_ERROR_STOP=1", "-qAt", "-c", """
        insert into billing.invoices (id, tenant_id, number, period_start, period_end, plan_code, calls, status,
                                      currency, subtotal_minor, total_minor, stripe_invoice_id, finalized_at)
        values ('%s', '%s', 'FAULTS-%s', date_trunc('month', now()) - interval '1 month', date_trunc('month', now()),
                'free', 0, 'open', 'USD', 0, 0, '%s', now())""".formatted(id, tenantId, id, stripeInvoiceId));
    return id;
  }
}
