package dev.flowgate.portal.billingteam;

import dev.flowgate.portal.base.problems.InvalidInputException;
import dev.flowgate.portal.base.security.PlatformPrincipal;
import dev.flowgate.portal.billing.Passthrough;
import dev.flowgate.portal.billingteam.BillingOperations.CreditRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The billing team's management API: revenue by month, usage and invoices across tenants, one
 * tenant's billing, its plan and credits, and CSV exports streamed through from billing. Platform
 * roles only (see Roles): a tenant's users get 403.
 */
@RestController
@RequestMapping("/api/v1/admin/billing")
class BillingTeamController {

  static final Set<String> INVOICE_STATES = Set.of("draft", "open", "paid", "payment_failed", "void");

  private final BillingTeamClient billing;
  private final BillingOperations operations;
  private final TenantNames names;

  BillingTeamController(BillingTeamClient billing, BillingOperations operations, TenantNames names) {
    this.billing = billing;
    this.operations = operations;
    this.names = names;
  }

  @GetMapping("/revenue")
  JsonNode revenue(@RequestParam(defaultValue = "12") int months) {
    if (months < 1 || months > 36) {
      throw new InvalidInputException("months", "must be 1-36");
    }
    return billing.revenue(months);
  }

  /** Every tenant's usage and amount due in a month (this month by default), with tenant names; {@code q} filters. */
  @GetMapping("/usage")
  JsonNode usage(@RequestParam(required = false) @Nullable String period, @RequestParam(required = false) @Nullable String q) {
    YearMonth month = period == null ? YearMonth.now(java.time.ZoneOffset.UTC) : month(period, "period");
    JsonNode answer = billing.usage(month);
    ObjectNode result = JsonNodeFactory.instance.objectNode().put("period", answer.path("period").asString(month.toString()));
    result.putArray("rows").addAll(UsageSearch.filter(names.named(answer.path("rows")), q));
    return result;
  }

  @GetMapping("/invoices")
  JsonNode invoices(@RequestParam(required = false) @Nullable String status,
      @RequestParam(required = false) @Nullable String period,
      @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size) {
    if (status != null && !INVOICE_STATES.contains(status.toLowerCase(Locale.ROOT))) {
      throw new InvalidInputException("status", "must be one of " + String.join(", ", INVOICE_STATES.stream().sorted().toList()));
    }
    if (page < 0 || size < 1 || size > 100) {
      throw new InvalidInputException("size", "page must be >= 0 and size 1-100");
    }
    JsonNode answer = billing.invoices(status == null ? null : status.toLowerCase(Locale.ROOT),
        period == null ? null : month(period, "period"), page, size);
    ObjectNode result = answer instanceof ObjectNode object ? object.deepCopy() : JsonNodeFactory.instance.objectNode();
    result.putArray("items").addAll(names.named(answer.path("items")));
    return result;
  }

  @GetMapping("/tenants/{tenantId}")
  JsonNode tenant(@PathVariable UUID tenantId) {
    return operations.drillDown(tenantId);
  }

  @PutMapping("/tenants/{tenantId}/plan")
  JsonNode changePlan(@AuthenticationPrincipal PlatformPrincipal operator, @PathVariable UUID tenantId,
      @RequestBody PlanChange change) {
    return operations.changePlan(operator, tenantId, change.planCode());
  }

  @GetMapping("/tenants/{tenantId}/credits")
  JsonNode credits(@PathVariable UUID tenantId) {
    operations.tenant(tenantId);
    return billing.credits(tenantId);
  }

  @PostMapping("/tenants/{tenantId}/credits")
  @ResponseStatus(HttpStatus.CREATED)
  JsonNode issueCredit(@AuthenticationPrincipal PlatformPrincipal operator, @PathVariable UUID tenantId,
      @RequestBody CreditRequest credit) {
    return operations.issueCredit(operator, tenantId, credit);
  }

  @GetMapping("/exports/usage.csv")
  void usageCsv(@RequestParam String from, @RequestParam String to, HttpServletResponse response) {
    export(BillingTeamClient.Export.USAGE, from, to, response);
  }

  @GetMapping("/exports/invoices.csv")
  void invoicesCsv(@RequestParam String from, @RequestParam String to, HttpServletResponse response) {
    export(BillingTeamClient.Export.INVOICES, from, to, response);
  }

  private void export(BillingTeamClient.Export export, String from, String to, HttpServletResponse response) {
    LocalDate start = day(from, "from");
    LocalDate end = day(to, "to");
    if (end.isBefore(start)) {
      throw new InvalidInputException("to", "must not be before from");
    }
    String file = export.file.replace(".csv", "-" + start + "-" + end + ".csv");
    billing.export(export, start, end,
        (headers, body) -> Passthrough.toResponse(headers, body, response, "text/csv;charset=UTF-8", file));
  }

  static YearMonth month(String value, String field) {
    try {
      return YearMonth.parse(value);
    } catch (DateTimeParseException e) {
      throw new InvalidInputException(field, "must be a month as yyyy-MM");
    }
  }

  private static LocalDate day(String value, String field) {
    try {
      return LocalDate.parse(value);
    } catch (DateTimeParseException e) {
      throw new InvalidInputException(field, "must be a date as yyyy-MM-dd");
    }
  }

  /** {@code PUT .../tenants/{tenantId}/plan} body. */
  record PlanChange(@Nullable String planCode) {}
}
