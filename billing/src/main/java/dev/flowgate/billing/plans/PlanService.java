package dev.flowgate.billing.plans;

import dev.flowgate.billing.web.InvalidRequestException;
import dev.flowgate.billing.web.InvalidRequestException.FieldProblem;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Which plan a tenant is on, plan changes, and the calls a period has metered. */
@Service
public class PlanService {

  private final PlanRepository repository;
  private final Clock clock;

  PlanService(PlanRepository repository, Clock clock) {
    this.repository = repository;
    this.clock = clock;
  }

  public List<Plan> plans() {
    return repository.all();
  }

  /** The plan in force for the tenant at {@code at}; {@code free} when it never chose one. */
  public Plan planAt(UUID tenantId, Instant at) {
    return plan(repository.planCodeAt(tenantId, at).orElse(Plan.DEFAULT_CODE));
  }

  private Plan plan(String code) {
    return repository.find(code).orElseThrow(() -> new IllegalStateException("plan " + code + " is missing"));
  }

  /**
   * The plans the tenant was on during the period, in order, covering all of it: the plan in force
   * at its start (free without one), then each change inside it. The current period's last segment
   * runs to its end, as if the plan stays.
   */
  public List<PlanSegment> segments(UUID tenantId, BillingPeriod period) {
    List<PlanSegment> segments = new ArrayList<>();
    Plan current = planAt(tenantId, period.start());
    Instant from = period.start();
    for (Map.Entry<Instant, String> change : repository.changesWithin(tenantId, period)) {
      Plan next = plan(change.getValue());
      if (!next.code().equals(current.code())) {
        segments.add(new PlanSegment(current, from, change.getKey()));
        current = next;
        from = change.getKey();
      }
    }
    segments.add(new PlanSegment(current, from, period.end()));
    return List.copyOf(segments);
  }

  public long calls(UUID tenantId, BillingPeriod period) {
    return repository.callsBetween(tenantId, period.start(), period.end());
  }

  public List<UUID> tenantsToInvoice(BillingPeriod period) {
    return repository.tenantsToInvoice(period);
  }

  public TenantPlan current(UUID tenantId) {
    Instant now = clock.instant();
    BillingPeriod period = BillingPeriod.containing(now);
    return new TenantPlan(tenantId, planAt(tenantId, now), period.start(), period.end(), calls(tenantId, period));
  }

  /** Moves the tenant onto {@code planCode} from now on; choosing the current plan changes nothing. */
  @Transactional
  public TenantPlan change(UUID tenantId, @Nullable String planCode) {
    if (planCode == null || planCode.isBlank()) {
      throw new InvalidRequestException(List.of(new FieldProblem("planCode", "is required")));
    }
    Plan plan = repository.find(planCode)
        .orElseThrow(() -> new InvalidRequestException(List.of(new FieldProblem("planCode", "unknown plan '" + planCode + "'"))));
    Instant now = clock.instant();
    if (!planAt(tenantId, now).code().equals(plan.code())) {
      repository.choose(tenantId, plan.code(), now);
    }
    return current(tenantId);
  }
}
