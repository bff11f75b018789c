package dev.flowgate.billing.invoices;

import dev.flowgate.billing.plans.PlanService;
import dev.flowgate.billing.web.InvalidRequestException;
import dev.flowgate.billing.web.InvalidRequestException.FieldProblem;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Grants credits and hands them to the next invoice, which uses them up or carries the rest over. */
@Service
public class CreditService {

  /** A grant request; currency defaults to the tenant's plan currency. */
  public record CreditRequest(@Nullable Long amountMinor, @Nullable String currency, @Nullable String reason,
      @Nullable String actor) {}

  private final CreditRepository repository;
  private final PlanService plans;
  private final Clock clock;

  CreditService(CreditRepository repository, PlanService plans, Clock clock) {
    this.repository = repository;
    this.plans = plans;
    this.clock = clock;
  }

  @Transactional
  public GrantedCredit grant(UUID tenantId, CreditRequest request) {
    Instant now = clock.instant();
    String planCurrency = plans.planAt(tenantId, now).currency();
    List<FieldProblem> problems = new ArrayList<>();
    if (request.amountMinor() == null || request.amountMinor() <= 0) {
      problems.add(new FieldProblem("amountMinor", "must be a positive amount in minor units"));
    }
    String currency = request.currency() == null || request.currency().isBlank()
        ? planCurrency : request.currency().trim().toUpperCase(Locale.ROOT);
    if (!currency.equals(planCurrency)) {
      problems.add(new FieldProblem("currency", "must be the plan's currency " + planCurrency));
    }
    if (request.reason() == null || request.reason().isBlank()) {
      problems.add(new FieldProblem("reason", "is required"));
    }
    if (request.actor() == null || request.actor().isBlank()) {
      problems.add(new FieldProblem("actor", "is required"));
    }
    if (!problems.isEmpty()) {
      throw new InvalidRequestException(problems);
    }
    GrantedCredit credit = new GrantedCredit(UUID.randomUUID(), tenantId, request.amountMinor(), currency,
        request.reason().trim(), request.actor().trim(), now, null, null);
    repository.insert(credit);
    return credit;
  }

  public List<GrantedCredit> list(UUID tenantId) {
    return repository.byTenant(tenantId);
  }

  /** The credits the running bill shows: every unused one granted so far. */
  List<GrantedCredit> pending(UUID tenantId) {
    return repository.unapplied(tenantId, clock.instant(), false);
  }

  /** Locks the credits an invoice for a period ending at {@code periodEnd} uses (caller's transaction). */
  List<GrantedCredit> lockForInvoice(UUID tenantId, Instant periodEnd) {
    return repository.unapplied(tenantId, periodEnd, true);
  }

  /**
   * Marks the credits used by the invoice; a credit the invoice could not absorb in full leaves
   * its remainder as a new credit for the next invoice.
   */
  void applyTo(UUID invoiceId, List<GrantedCredit> credits, long[] applied) {
    for (int i = 0; i < credits.size(); i++) {
      GrantedCredit credit = credits.get(i);
      repository.apply(credit.id(), invoiceId, applied[i]);
      long rest = credit.amountMinor() - applied[i];
      if (rest > 0) {
        repository.insert(new GrantedCredit(UUID.randomUUID(), credit.tenantId(), rest, credit.currency(),
            credit.reason() + " (carried over)", credit.actor(), clock.instant(), null, null));
      }
    }
  }
}
