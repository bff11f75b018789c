package dev.flowgate.billing.plans;

import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Internal plan API (the internal token is checked by a filter). */
@RestController
class PlanController {

  /** Body of a plan change. */
  record PlanChange(@Nullable String planCode) {}

  private final PlanService plans;

  PlanController(PlanService plans) {
    this.plans = plans;
  }

  @GetMapping("/internal/v1/plans")
  List<Plan> plans() {
    return plans.plans();
  }

  @GetMapping("/internal/v1/tenants/{tenantId}/plan")
  TenantPlan plan(@PathVariable UUID tenantId) {
    return plans.current(tenantId);
  }

  @PutMapping("/internal/v1/tenants/{tenantId}/plan")
  TenantPlan change(@PathVariable UUID tenantId, @RequestBody PlanChange change) {
    return plans.change(tenantId, change.planCode());
  }
}
