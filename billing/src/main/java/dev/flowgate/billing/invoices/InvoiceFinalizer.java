package dev.flowgate.billing.invoices;

import dev.flowgate.billing.plans.BillingPeriod;
import dev.flowgate.billing.plans.Plan;
import dev.flowgate.billing.plans.PlanSegment;
import dev.flowgate.billing.plans.PlanService;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Finalises a calendar month: one invoice per tenant with a plan or usage in it. Idempotent: each
 * tenant's month is finalised under a transaction-scoped advisory lock, skipped when its invoice
 * exists, and guarded by the unique (tenant, period) constraint, so running twice or on two
 * instances at once still leaves one invoice.
 */
@Service
public class InvoiceFinalizer {

  /** What one run did. */
  public record Result(YearMonth month, int created, int alreadyFinalized, int failed) {}

  private static final Logger log = LoggerFactory.getLogger(InvoiceFinalizer.class);

  private final PlanService plans;
  private final InvoiceRepository repository;
  private final TransactionTemplate transactions;
  private final ApplicationEventPublisher events;
  private final Clock clock;
  private final Counter finalized;
  private final CreditService credits;
  private final TaxRates taxRates;

  InvoiceFinalizer(PlanService plans, InvoiceRepository repository, TransactionTemplate transactions,
      ApplicationEventPublisher events, Clock clock, MeterRegistry meters, CreditService credits, TaxRates taxRates) {
    this.plans = plans;
    this.credits = credits;
    this.taxRates = taxRates;
    this.repository = repository;
    this.transactions = transactions;
    this.events = events;
    this.clock = clock;
    this.finalized = meters.counter("flowgate.billing.invoices.finalized");
  }

  @Scheduled(cron = "${flowgate.billing.invoices.finalize-cron:" + InvoiceProperties.DEFAULT_FINALIZE_CRON + "}", zone = "UTC")
  void finalizePreviousMonth() {
    Result result = finalizeMonth(BillingPeriod.month(clock.instant()).minusMonths(1));
    log.info("Finalised {}: {} invoices created, {} already there, {} failed",
        result.month(), result.created(), result.alreadyFinalized(), result.failed());
  }

  /** Finalises {@code month}, which must be over. */
  public Result finalizeMonth(YearMonth month) {
    return finalize(month, plans.tenantsToInvoice(BillingPeriod.of(month)));
  }

  /**
   * Finalises {@code month} for one tenant only (an operator re-running a month that failed for
   * it); a tenant with neither plan nor usage in the month gets no invoice, as in the monthly run.
   */
  public Result finalizeMonth(YearMonth month, UUID tenantId) {
    return finalize(month, plans.tenantsToInvoice(BillingPeriod.of(month)).stream().filter(tenantId::equals).toList());
  }

  private Result finalize(YearMonth month, List<UUID> tenants) {
    BillingPeriod period = BillingPeriod.of(month);
    if (period.end().isAfter(clock.instant())) {
      throw new IllegalArgumentException(month + " is not over yet");
    }
    int created = 0;
    int existing = 0;
    int failed = 0;
    for (UUID tenantId : tenants) {
      try {
        Optional<Invoice> invoice = transactions.execute(status -> finalizeTenant(tenantId, period));
        if (invoice != null && invoice.isPresent()) {
          created++;
          finalized.increment();
          events.publishEvent(new InvoiceFinalized(invoice.get().id(), tenantId));
        } else {
          existing++;
        }
      } catch (RuntimeException e) {
        failed++;
        log.error("Could not finalise {} for tenant {}", month, tenantId, e);
      }
    }
    return new Result(month, created, existing, failed);
  }

  private Optional<Invoice> finalizeTenant(UUID tenantId, BillingPeriod period) {
    repository.lockTenantPeriod(tenantId, period);
    if (repository.exists(tenantId, period)) {
      return Optional.empty();
    }
    List<PlanSegment> segments = plans.segments(tenantId, period);
    Plan plan = segments.getLast().plan();
    long calls = plans.calls(tenantId, period);
    List<GrantedCredit> granted = credits.lockForInvoice(tenantId, period.end());
    List<Credit> usable = granted.stream().map(GrantedCredit::asCredit).toList();
    InvoiceCalculator.Calculation bill = InvoiceCalculator.calculate(segments, calls, usable,
        taxRates.forTenant(tenantId, plan.code()).orElse(null));
    Instant now = clock.instant();
    Invoice invoice = new Invoice(UUID.randomUUID(), tenantId, repository.nextNumber(period), period.start(),
        period.end(), plan.code(), calls, InvoiceStatus.OPEN, plan.currency(), bill.subtotalMinor(),
        bill.totalMinor(), bill.lineItems(), null, now, null);
    if (!repository.insert(invoice, true)) {
      return Optional.empty();
    }
    credits.applyTo(invoice.id(), granted, InvoiceCalculator.appliedCredits(bill.subtotalMinor(), usable));
    return Optional.of(invoice);
  }
}
