package dev.flowgate.portal.billing;

import dev.flowgate.portal.audit.AuditTrail;
import dev.flowgate.portal.base.problems.InvalidInputException;
import dev.flowgate.portal.base.problems.NotFoundException;
import dev.flowgate.portal.base.security.Actor;
import dev.flowgate.portal.base.security.PlatformPrincipal;
import dev.flowgate.portal.tenants.TenantService;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

/**
 * The one way a tenant's plan changes, and with it the limits the plan sets (included calls, hard
 * limit): by the tenant's own members (plan card, {@code PUT /api/v1/billing/plan}) or by a platform
 * operator (platform admin or billing team). Billing decides first; once it accepted a real change,
 * the change is written to the tenant's audit trail with whoever asked as the actor (billing refusing
 * it leaves no audit row). No transaction is held open while billing is asked:
 * the audit row is written in its own short one afterwards.
 */
@Service
public class PlanChanges {

  static final Pattern PLAN_CODE = Pattern.compile("[a-z0-9][a-z0-9_-]{0,63}");

  private final BillingClient billing;
  private final TenantService tenants;
  private final AuditTrail audit;
  private final TransactionTemplate transactions;

  PlanChanges(BillingClient billing, TenantService tenants, AuditTrail audit, TransactionTemplate transactions) {
    this.billing = billing;
    this.tenants = tenants;
    this.audit = audit;
    this.transactions = transactions;
  }

  /** The tenant's plan after the change, as billing answers it; 404 for a tenant the portal has not got. */
  public JsonNode change(PlatformPrincipal operator, UUID tenantId, @Nullable String planCode) {
    if (tenants.find(tenantId).isEmpty()) {
      throw new NotFoundException("tenant", tenantId);
    }
    return change(operator.actorOn(tenantId), planCode);
  }

  /** A member's change of its own tenant's plan; the plan after it, as billing answers it. */
  public JsonNode change(Actor actor, @Nullable String planCode) {
    UUID tenantId = actor.tenantId();
    if (planCode == null || !PLAN_CODE.matcher(planCode).matches()) {
      throw new InvalidInputException("planCode", "must be a plan code such as 'free' or 'pro'");
    }
    String from = code(billing.plan(tenantId));
    JsonNode after = billing.changePlan(tenantId, planCode);
    String to = code(after);
    if (!from.equals(to)) {
      transactions.executeWithoutResult(status -> audit.record(actor, "billing.plan_changed", "plan",
          tenantId, Map.of("planCode", from), Map.of("planCode", to)));
    }
    return after;
  }

  private static String code(JsonNode tenantPlan) {
    return tenantPlan.path("plan").path("code").asString("");
  }
}
