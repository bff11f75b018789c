package dev.flowgate.billing.quotas;

import dev.flowgate.billing.alerts.UsageAlertService;
import dev.flowgate.billing.plans.BillingPeriod;
import dev.flowgate.billing.plans.Plan;
import dev.flowgate.billing.plans.PlanService;
import dev.flowgate.contracts.billing.QuotaStateChanged;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;

/** Compares a tenant's usage in the current period with its plan and announces what changed. */
@Service
public class QuotaService {

  private final PlanService plans;
  private final QuotaRepository repository;
  private final QuotaPublisher publisher;
  private final UsageAlertService alerts;
  private final Clock clock;

  QuotaService(PlanService plans, QuotaRepository repository, QuotaPublisher publisher, UsageAlertService alerts,
      Clock clock) {
    this.plans = plans;
    this.repository = repository;
    this.publisher = publisher;
    this.alerts = alerts;
    this.clock = clock;
  }

  /** Evaluates the tenant now; returns its state, published when it changed. */
  public QuotaStateChanged evaluate(UUID tenantId) {
    return evaluateAndAnnounce(tenantId).state();
  }

  private record Evaluation(QuotaStateChanged state, boolean announced) {}

  private Evaluation evaluateAndAnnounce(UUID tenantId) {
    Instant now = clock.instant();
    BillingPeriod period = BillingPeriod.containing(now);
    Plan plan = plans.planAt(tenantId, now);
    long used = plans.calls(tenantId, period);
    QuotaState state = QuotaState.of(used, plan.includedCalls(), plan.hardLimitCalls());
    @Nullable Instant blockedUntil = state.blocked() ? period.end() : null;
    QuotaStateChanged message = new QuotaStateChanged(tenantId, period.month().toString(), state.wire(),
        state.blocked(), used, plan.includedCalls(), plan.hardLimitCalls(), blockedUntil, now);
    boolean announced = repository.changeTo(message) && publisher.publish(message);
    alerts.raiseIfCrossed(tenantId, period.month(), used, plan.includedCalls());
    return new Evaluation(message, announced);
  }

  /**
   * Evaluates every tenant blocked in the current period again and announces it, so gateways that
   * missed a message learn it, and a tenant whose plan changed (its refused calls are not metered,
   * so nothing else would re-evaluate it) is unblocked within one round.
   */
  int resendBlocked() {
    int sent = 0;
    for (QuotaStateChanged stored : repository.blocked(BillingPeriod.month(clock.instant()).toString())) {
      Evaluation now = evaluateAndAnnounce(stored.tenantId());
      if (now.announced() || now.state().blocked() && publisher.publish(now.state())) {
        sent++;
      }
    }
    return sent;
  }

  /** Tenants with usage this period, to evaluate after a restart. */
  java.util.List<UUID> tenantsWithUsageThisPeriod() {
    return repository.tenantsWithUsageSince(BillingPeriod.containing(clock.instant()).start());
  }
}
