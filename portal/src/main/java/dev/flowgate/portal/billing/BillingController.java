package dev.flowgate.portal.billing;

import dev.flowgate.portal.base.problems.InvalidInputException;
import dev.flowgate.portal.base.problems.NotFoundException;
import dev.flowgate.portal.base.security.TenantPrincipal;
import jakarta.servlet.http.HttpServletResponse;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/** The caller's plan and invoices, from billing. */
@RestController
class BillingController {

  private static final Pattern ID = Pattern.compile("[A-Za-z0-9_-]{1,64}");

  private final BillingClient billing;
  private final PlanChanges planChanges;

  BillingController(BillingClient billing, PlanChanges planChanges) {
    this.billing = billing;
    this.planChanges = planChanges;
  }

  @GetMapping("/api/v1/billing/plan")
  JsonNode plan(@AuthenticationPrincipal TenantPrincipal principal) {
    return billing.plan(principal.actor().tenantId());
  }

  @PutMapping("/api/v1/billing/plan")
  JsonNode changePlan(@AuthenticationPrincipal TenantPrincipal principal, @RequestBody PlanChange change) {
    return planChanges.change(principal.actor(), change.planCode());
  }

  @GetMapping("/api/v1/invoices")
  JsonNode invoices(@AuthenticationPrincipal TenantPrincipal principal,
      @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size) {
    if (page < 0 || size < 1 || size > 100) {
      throw new InvalidInputException("size", "page must be >= 0 and size 1-100");
    }
    return billing.invoices(principal.actor().tenantId(), page, size);
  }

  @GetMapping("/api/v1/invoices/upcoming")
  JsonNode upcoming(@AuthenticationPrincipal TenantPrincipal principal) {
    return billing.upcoming(principal.actor().tenantId());
  }

  @GetMapping("/api/v1/invoices/{id}")
  JsonNode invoice(@AuthenticationPrincipal TenantPrincipal principal, @PathVariable String id) {
    if (!ID.matcher(id).matches()) {
      throw new NotFoundException("invoice", id);
    }
    return billing.invoice(principal.actor().tenantId(), id);
  }

  /** The invoice as a PDF, streamed from billing; another tenant's invoice is a 404 like any unknown one. */
  @GetMapping("/api/v1/invoices/{id}/pdf")
  void pdf(@AuthenticationPrincipal TenantPrincipal principal, @PathVariable String id, HttpServletResponse response) {
    if (!ID.matcher(id).matches()) {
      throw new NotFoundException("invoice", id);
    }
    billing.invoicePdf(principal.actor().tenantId(), id,
        (headers, body) -> Passthrough.toResponse(headers, body, response, "application/pdf", "invoice-" + id + ".pdf"));
  }

  /** Usage alerts of the caller's tenant: 80% and 100% of the included calls, per period. */
  @GetMapping("/api/v1/billing/alerts")
  JsonNode alerts(@AuthenticationPrincipal TenantPrincipal principal) {
    return billing.alerts(principal.actor().tenantId());
  }

  /** {@code PUT /api/v1/billing/plan} body. */
  record PlanChange(@Nullable String planCode) {}
}
