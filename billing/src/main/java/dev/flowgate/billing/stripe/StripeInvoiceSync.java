package dev.flowgate.billing.stripe;

import dev.flowgate.billing.invoices.Invoice;
import dev.flowgate.billing.invoices.InvoiceFinalized;
import dev.flowgate.billing.invoices.InvoiceService;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Pushes finalised invoices to Stripe. A push that fails (Stripe down, refused) leaves the invoice
 * open locally with {@code stripe_sync_pending} set; a scheduled job retries it with exponential
 * back-off (1 minute, doubling up to an hour). The invoice row is
 * locked ({@code FOR UPDATE SKIP LOCKED}) for the push, so two pushers never work on one invoice.
 */
@Service
public class StripeInvoiceSync {

  private static final Logger log = LoggerFactory.getLogger(StripeInvoiceSync.class);
  /** Most invoices one retry run looks at, oldest first. */
  static final int RETRY_LIMIT = 1_000;
  static final Duration MAX_BACKOFF = Duration.ofHours(1);

  private final InvoiceService invoices;
  private final StripeRepository repository;
  private final StripeBilling stripe;
  private final TransactionTemplate transactions;
  private final Counter pushed;
  private final Counter failed;

  StripeInvoiceSync(InvoiceService invoices, StripeRepository repository, StripeBilling stripe,
      TransactionTemplate transactions, MeterRegistry meters) {
    this.invoices = invoices;
    this.repository = repository;
    this.stripe = stripe;
    this.transactions = transactions;
    this.pushed = meters.counter("flowgate.billing.stripe.pushes", "result", "ok");
    this.failed = meters.counter("flowgate.billing.stripe.pushes", "result", "failed");
    Gauge.builder("flowgate.billing.stripe.pending", invoices, InvoiceService::countPendingStripeSync)
        .description("finalised invoices Stripe has not taken yet")
        .register(meters);
  }

  @EventListener
  void on(InvoiceFinalized finalized) {
    try {
      push(finalized.invoiceId());
    } catch (RuntimeException e) {
      log.error("Invoice {} stays pending for Stripe", finalized.invoiceId(), e);
    }
  }

  @Scheduled(fixedDelayString = "${flowgate.billing.stripe.sync-retry-interval:PT1M}",
      initialDelayString = "${flowgate.billing.stripe.sync-retry-interval:PT1M}")
  void retryPendingOnSchedule() {
    int pushed = retryPending();
    if (pushed > 0) {
      log.info("Pushed {} pending invoices to Stripe", pushed);
    }
  }

  /** Wait before the next attempt after {@code attempts} failed ones: 1, 2, 4 … minutes, at most an hour. */
  static Duration backoff(int attempts) {
    Duration delay = Duration.ofMinutes(1L << Math.clamp(attempts - 1, 0, 6));
    return delay.compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : delay;
  }

  /** Retries the invoices Stripe has not taken yet whose next attempt is due; returns how many it took now. */
  public int retryPending() {
    int pushed = 0;
    for (UUID id : invoices.pendingStripeSync(RETRY_LIMIT)) {
      if (push(id)) {
        pushed++;
      }
    }
    return pushed;
  }

  /** Pushes one invoice if it is still pending and no one else is pushing it; true when Stripe took it. */
  public boolean push(UUID invoiceId) {
    return Boolean.TRUE.equals(transactions.execute(status -> {
      Optional<Invoice> pending = invoices.lockPendingStripeSync(invoiceId);
      if (pending.isEmpty()) {
        return false;
      }
      Invoice invoice = pending.get();
      try {
        String customer = repository.customerOf(invoice.tenantId())
            .orElseGet(() -> repository.saveCustomer(invoice.tenantId(), stripe.createCustomer(invoice.tenantId())));
        StripeBilling.PushedInvoice pushed = stripe.pushInvoice(customer, invoice);
        invoices.markStripeSynced(invoiceId, customer, pushed.stripeInvoiceId());
        invoices.applyStripeStatus(invoiceId, pushed.status(), pushed.paidAt());
        this.pushed.increment();
        return true;
      } catch (StripeBilling.StripeBillingException e) {
        log.warn("Stripe did not take invoice {}; it stays pending: {}", invoice.number(), e.getMessage());
        invoices.markStripeSyncFailed(invoiceId, e.getMessage(), StripeInvoiceSync::backoff);
        failed.increment();
        if (e.customerMissing()) {
          // the customer is gone on Stripe's side (a reset stub, a deleted customer): make a new one next time
          repository.forgetCustomer(invoice.tenantId());
        }
        return false;
      }
    }));
  }
}
