package dev.flowgate.portal.admin;

import dev.flowgate.portal.audit.AuditTrail;
import dev.flowgate.portal.base.problems.InvalidInputException;
import dev.flowgate.portal.base.security.PlatformPrincipal;
import dev.flowgate.portal.base.security.PlatformScope;
import dev.flowgate.portal.billing.BillingClient;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.JsonNode;

/**
 * A tenant's plan and limits (included calls, hard limit) as billing keeps them, read and changed
 * by the platform's operators; a change is audited in the tenant's trail with the operator as actor.
 */
@Service
public class TenantPlans {

  private static final Pattern PLAN_CODE = Pattern.compile("[a-z0-9][a-z0-9_-]{0,31}");

  private final BillingClient billing;
  private final TenantAdministration tenants;
  private final AuditTrail audit;

  TenantPlans(BillingClient billing, TenantAdministration tenants, AuditTrail audit) {
    this.billing = billing;
    this.tenants = tenants;
    this.audit = audit;
  }

  public JsonNode plan(UUID tenantId) {
    tenants.get(tenantId);
    return billing.plan(tenantId);
  }

  /** Billing refuses an unknown plan code (400); the audit entry is written only once billing agreed. */
  @Transactional(label = PlatformScope.LABEL)
  public JsonNode change(PlatformPrincipal admin, UUID tenantId, @Nullable String planCode) {
    if (planCode == null || !PLAN_CODE.matcher(planCode).matches()) {
      throw new InvalidInputException("planCode", "must be a plan code such as 'free' or 'pro'");
    }
    tenants.get(tenantId);
    String before = billing.plan(tenantId).path("plan").path("code").asString();
    JsonNode after = billing.changePlan(tenantId, planCode);
    if (!planCode.equals(before)) {
      audit.record(admin.actorOn(tenantId), "tenant.plan_changed", "tenant", tenantId,
          Map.of("plan", before), Map.of("plan", planCode));
    }
    return after;
  }
}
