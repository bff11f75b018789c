package dev.flowgate.portal.admin;

import dev.flowgate.portal.billing.BillingClient;
import java.util.UUID;
import org.springframework.stereotype.Service;
import tools.jackson.databind.JsonNode;

/**
 * A tenant's plan and limits (included calls, hard limit) as billing keeps them, and the plans it
 * may move to, for the platform's operators. Changing it goes through
 * {@link dev.flowgate.portal.billing.PlanChanges}, the billing team's way too.
 */
@Service
public class TenantPlans {

  private final BillingClient billing;
  private final TenantAdministration tenants;

  TenantPlans(BillingClient billing, TenantAdministration tenants) {
    this.billing = billing;
    this.tenants = tenants;
  }

  /** The tenant's plan; 404 for a tenant the portal has not got (billing is not asked). */
  public JsonNode plan(UUID tenantId) {
    tenants.get(tenantId);
    return billing.plan(tenantId);
  }

  /** Billing's plan catalogue: code, name, price, included calls and hard limit of each. */
  public JsonNode catalogue() {
    return billing.plans();
  }
}
