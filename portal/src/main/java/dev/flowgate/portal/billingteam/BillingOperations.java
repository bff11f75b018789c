package dev.flowgate.portal.billingteam;

import dev.flowgate.portal.audit.AuditTrail;
import dev.flowgate.portal.base.problems.InvalidInputException;
import dev.flowgate.portal.base.problems.NotFoundException;
import dev.flowgate.portal.base.security.PlatformPrincipal;
import dev.flowgate.portal.billing.PlanChanges;
import dev.flowgate.portal.tenants.Tenant;
import dev.flowgate.portal.tenants.TenantService;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * What the billing team changes on a tenant: its plan (through {@link PlanChanges}) and credits. Each change goes to billing
 * first; once billing accepted it, it is written to the tenant's audit trail with the operator as
 * the actor and before/after (billing refusing it leaves no audit row). No database transaction is
 * held open while billing is asked: the audit row is written in its own short one afterwards.
 */
@Service
public class BillingOperations {

  static final int MAX_REASON = 500;
  /** The largest single credit, in minor units (1,000,000.00 in a two-decimal currency): a typo guard. */
  static final long MAX_CREDIT_MINOR = 100_000_000L;
  private static final Pattern CURRENCY = Pattern.compile("[A-Z]{3}");

  private final BillingTeamClient billing;
  private final TenantService tenants;
  private final AuditTrail audit;
  private final TransactionTemplate transactions;
  private final PlanChanges planChanges;

  BillingOperations(BillingTeamClient billing, TenantService tenants, AuditTrail audit, TransactionTemplate transactions,
      PlanChanges planChanges) {
    this.billing = billing;
    this.tenants = tenants;
    this.audit = audit;
    this.transactions = transactions;
    this.planChanges = planChanges;
  }

  /** A credit as asked for: an amount in minor units, optionally a currency (else the plan's), and why. */
  public record CreditRequest(@Nullable Long amountMinor, @Nullable String currency, @Nullable String reason) {}

  /** The tenant the portal knows, or 404: billing is never asked about a tenant the portal has not got. */
  Tenant tenant(UUID tenantId) {
    return tenants.find(tenantId).orElseThrow(() -> new NotFoundException("tenant", tenantId));
  }

  /** Every field's problem at once, so a form can show each beside its field. */
  static List<InvalidInputException.FieldError> validate(CreditRequest credit) {
    List<InvalidInputException.FieldError> errors = new ArrayList<>();
    Long amount = credit.amountMinor();
    if (amount == null || amount <= 0 || amount > MAX_CREDIT_MINOR) {
      errors.add(new InvalidInputException.FieldError("amountMinor",
          "must be a positive amount in minor units, at most " + MAX_CREDIT_MINOR));
    }
    if (credit.currency() != null && !CURRENCY.matcher(credit.currency()).matches()) {
      errors.add(new InvalidInputException.FieldError("currency", "must be an ISO 4217 code such as EUR"));
    }
    String reason = credit.reason() == null ? "" : credit.reason().strip();
    if (reason.isEmpty() || reason.length() > MAX_REASON) {
      errors.add(new InvalidInputException.FieldError("reason", "must say why, in 1-" + MAX_REASON + " characters"));
    }
    return errors;
  }

  public JsonNode issueCredit(PlatformPrincipal operator, UUID tenantId, CreditRequest credit) {
    tenant(tenantId);
    List<InvalidInputException.FieldError> errors = validate(credit);
    if (!errors.isEmpty()) {
      throw new InvalidInputException(errors);
    }
    String reason = credit.reason() == null ? "" : credit.reason().strip();
    JsonNode issued = billing.issueCredit(tenantId, credit.amountMinor(), credit.currency(), reason, operator.email());
    transactions.executeWithoutResult(status ->
        audit.record(operator.actorOn(tenantId), "billing.credit_issued", "credit", idOf(issued), null, issued));
    return issued;
  }

  /** Through the platform's one plan change (see {@link PlanChanges}), shared with the admin area. */
  public JsonNode changePlan(PlatformPrincipal operator, UUID tenantId, @Nullable String planCode) {
    return planChanges.change(operator, tenantId, planCode);
  }

  /** One tenant's billing on one page: the tenant, plan, running bill, recent invoices, credits and alerts. */
  public JsonNode drillDown(UUID tenantId) {
    Tenant tenant = tenant(tenantId);
    ObjectNode answer = JsonNodeFactory.instance.objectNode();
    answer.putObject("tenant").put("id", tenant.getId().toString()).put("slug", tenant.getSlug())
        .put("name", tenant.getName()).put("status", tenant.getStatus());
    answer.set("plan", billing.billing().plan(tenantId));
    answer.set("upcoming", billing.billing().upcoming(tenantId));
    answer.set("invoices", billing.billing().invoices(tenantId, 0, 12).path("items"));
    answer.set("credits", billing.credits(tenantId));
    answer.set("alerts", billing.billing().alerts(tenantId));
    return answer;
  }

  private static @Nullable String idOf(JsonNode issued) {
    String id = issued.path("id").asString("");
    return id.isEmpty() ? null : id.length() > 64 ? id.substring(0, 64) : id;
  }
}
