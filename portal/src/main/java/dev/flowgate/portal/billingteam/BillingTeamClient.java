package dev.flowgate.portal.billingteam;

import dev.flowgate.portal.billing.BillingClient;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/**
 * Billing's cross-tenant internal API ({@code /internal/v1/admin/...}) and the tenants' credits,
 * over the portal's one {@link BillingClient}: the same token, timeouts and error mapping.
 */
@Component
class BillingTeamClient {

  /** The two CSV exports billing streams. */
  enum Export {
    USAGE("usage.csv"), INVOICES("invoices.csv");

    final String file;

    Export(String file) {
      this.file = file;
    }
  }

  private final BillingClient billing;

  BillingTeamClient(BillingClient billing) {
    this.billing = billing;
  }

  BillingClient billing() {
    return billing;
  }

  /** {@code {"months":[{period, tenants, calls, invoicedMinor, paidMinor, openMinor, currency}]}}, oldest first. */
  JsonNode revenue(int months) {
    return billing.get("revenue", u -> u.path("/internal/v1/admin/revenue").queryParam("months", months).build());
  }

  /** {@code {"period", "rows":[{tenantId, planCode, calls, errors, includedCalls, amountDueMinor, currency, invoiceId, invoiceStatus}]}}. */
  JsonNode usage(YearMonth period) {
    return billing.get("usage", u -> u.path("/internal/v1/admin/usage").queryParam("period", period.toString()).build());
  }

  /** A page of every tenant's invoices: {@code {"items", "page", "size", "total"}}. */
  JsonNode invoices(@Nullable String status, @Nullable YearMonth period, int page, int size) {
    return billing.get("invoices", u -> {
      u.path("/internal/v1/admin/invoices").queryParam("page", page).queryParam("size", size);
      if (status != null) {
        u.queryParam("status", status);
      }
      if (period != null) {
        u.queryParam("period", period.toString());
      }
      return u.build();
    });
  }

  JsonNode credits(UUID tenantId) {
    return billing.get("credits", u -> u.path("/internal/v1/tenants/{t}/credits").build(tenantId));
  }

  JsonNode issueCredit(UUID tenantId, long amountMinor, @Nullable String currency, String reason, String actor) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("amountMinor", amountMinor);
    if (currency != null) {
      body.put("currency", currency);
    }
    body.put("reason", reason);
    body.put("actor", actor);
    return billing.post("tenant", "amountMinor", u -> u.path("/internal/v1/tenants/{t}/credits").build(tenantId), body);
  }

  /** Streams the export's CSV (with billing's {@code X-Total-Rows}) into the sink as billing writes it. */
  void export(Export export, LocalDate from, LocalDate to, BillingClient.StreamSink sink) {
    billing.stream("export", u -> u.path("/internal/v1/admin/exports/" + export.file)
        .queryParam("from", from.toString()).queryParam("to", to.toString()).build(), MediaType.parseMediaType("text/csv"), sink);
  }
}
