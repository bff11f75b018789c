package dev.flowgate.billing.invoices;

import dev.flowgate.billing.plans.BillingPeriod;
import dev.flowgate.billing.plans.Plan;
import dev.flowgate.billing.plans.PlanSegment;
import dev.flowgate.billing.plans.PlanService;
import dev.flowgate.billing.web.InvalidRequestException;
import dev.flowgate.billing.web.InvalidRequestException.FieldProblem;
import dev.flowgate.billing.web.NotFoundException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.IntFunction;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Reads invoices, computes the running bill, and records what Stripe says about them. */
@Service
public class InvoiceService {

  /** One page of a tenant's invoices, newest first. */
  public record InvoicePage(List<Invoice> items, int page, int size, long total) {}

  static final int MAX_PAGE_SIZE = 100;

  private final InvoiceRepository repository;
  private final PlanService plans;
  private final Clock clock;
  private final CreditService credits;
  private final TaxRates taxRates;
  private final InvoiceSearch search;

  InvoiceService(InvoiceRepository repository, PlanService plans, Clock clock, CreditService credits,
      TaxRates taxRates, InvoiceSearch search) {
    this.repository = repository;
    this.search = search;
    this.credits = credits;
    this.taxRates = taxRates;
    this.plans = plans;
    this.clock = clock;
  }

  /**
   * The current month's bill so far, computed now and stored nowhere: the calls metered until now,
   * the base price as if the current plan stays until the end of the month, the credits the next
   * invoice will use and the tenant's tax.
   */
  public Invoice upcoming(UUID tenantId) {
    return preview(tenantId, BillingPeriod.containing(clock.instant()));
  }

  /** What the period's invoice would be if finalised now (a draft with lines, stored nowhere). */
  public Invoice preview(UUID tenantId, BillingPeriod period) {
    List<PlanSegment> segments = plans.segments(tenantId, period);
    Plan plan = segments.getLast().plan();
    long calls = plans.calls(tenantId, period);
    List<Credit> pending = credits.pending(tenantId).stream().map(GrantedCredit::asCredit).toList();
    InvoiceCalculator.Calculation bill = InvoiceCalculator.calculate(segments, calls, pending,
        taxRates.forTenant(tenantId, plan.code()).orElse(null));
    return new Invoice(null, tenantId, null, period.start(), period.end(), plan.code(), calls, InvoiceStatus.DRAFT,
        plan.currency(), bill.subtotalMinor(), bill.totalMinor(), bill.lineItems(), null, null, null);
  }

  public InvoicePage page(UUID tenantId, @Nullable Integer page, @Nullable Integer size) {
    int p = page == null ? 0 : page;
    int s = size == null ? 20 : size;
    validatePaging(p, s);
    List<Invoice> items = repository.page(tenantId, p, s).stream().map(Invoice::withoutLineItems).toList();
    return new InvoicePage(items, p, s, repository.count(tenantId));
  }

  private static void validatePaging(int p, int s) {
    List<FieldProblem> problems = new ArrayList<>();
    if (p < 0) {
      problems.add(new FieldProblem("page", "must be 0 or more"));
    }
    if (s < 1 || s > MAX_PAGE_SIZE) {
      problems.add(new FieldProblem("size", "must be between 1 and " + MAX_PAGE_SIZE));
    }
    if (!problems.isEmpty()) {
      throw new InvalidRequestException(problems);
    }
  }

  /** Every tenant's invoices without lines, optionally of one status and period (billing team). */
  public InvoicePage pageAll(@Nullable InvoiceStatus status, @Nullable BillingPeriod period, @Nullable Integer page,
      @Nullable Integer size) {
    int p = page == null ? 0 : page;
    int s = size == null ? 20 : size;
    validatePaging(p, s);
    Instant start = period == null ? null : period.start();
    List<Invoice> items = search.pageAll(status, start, p, s);
    return new InvoicePage(items, p, s, search.countAll(status, start));
  }

  /** The tenant's invoice with its lines; another tenant's id is not found. */
  public Invoice get(UUID tenantId, UUID invoiceId) {
    return repository.find(tenantId, invoiceId)
        .orElseThrow(() -> new NotFoundException("No invoice " + invoiceId + " for this tenant."));
  }

  /** Any tenant's invoice, with its lines, for Stripe synchronisation. */
  public Optional<Invoice> byStripeInvoiceId(String stripeInvoiceId) {
    return repository.findByStripeInvoiceId(stripeInvoiceId);
  }

  public Optional<Invoice> byId(UUID invoiceId) {
    return repository.findById(invoiceId);
  }

  /**
   * Applies a state Stripe reported; a move the current state does not allow (a late
   * {@code finalized} after {@code paid}) changes nothing. Returns whether the invoice moved.
   */
  @Transactional
  public boolean applyStripeStatus(UUID invoiceId, InvoiceStatus next, @Nullable Instant paidAt) {
    Invoice invoice = repository.findById(invoiceId).orElseThrow(() -> new NotFoundException("No invoice " + invoiceId));
    if (invoice.status() == next || !invoice.status().mayBecome(next)) {
      return false;
    }
    return repository.updateStatus(invoiceId, invoice.status(), next, next == InvoiceStatus.PAID ? paidAt : null);
  }

  /** Locks an invoice still waiting for Stripe, inside the caller's transaction; empty if none or busy. */
  @Transactional
  public Optional<Invoice> lockPendingStripeSync(UUID invoiceId) {
    return repository.lockPendingStripeSync(invoiceId);
  }

  /** Invoices waiting for Stripe whose next attempt is due now. */
  public List<UUID> pendingStripeSync(int limit) {
    return repository.pendingStripeSync(clock.instant(), limit);
  }

  /** How many finalised invoices Stripe has not taken yet, due or not. */
  public long countPendingStripeSync() {
    return repository.countPendingStripeSync();
  }

  @Transactional
  public void markStripeSynced(UUID invoiceId, String stripeCustomerId, String stripeInvoiceId) {
    repository.markStripeSynced(invoiceId, stripeCustomerId, stripeInvoiceId);
  }

  /** Records a failed push; the next attempt waits {@code backoff} of the number of attempts so far. */
  @Transactional
  public void markStripeSyncFailed(UUID invoiceId, String error, IntFunction<Duration> backoff) {
    int attempts = repository.markStripeSyncFailed(invoiceId, error);
    repository.nextStripeAttempt(invoiceId, clock.instant().plus(backoff.apply(attempts)));
  }
}
