package dev.flowgate.billing.admin;

import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** The JSON shapes of the billing team's endpoints (the portal's billing area reads exactly these). */
final class AdminViews {

  private AdminViews() {}

  /** Per month and currency, and the invoiced part of each again per plan (what the chart stacks). */
  record Revenue(List<RevenueMonth> months, List<PlanRevenue> byPlan) {}

  /** What the non-void invoices of one plan came to in one month and currency. */
  record PlanRevenue(String period, String planCode, String currency, long invoices, long invoicedMinor) {}

  /** One month in one currency; {@code tenants} are those with usage or an invoice in it. */
  record RevenueMonth(String period, long tenants, long calls, long invoicedMinor, long paidMinor, long openMinor,
      String currency) {}

  record Usage(String period, List<UsageRow> rows) {}

  /** A tenant's period: the invoice's amount once finalised, else what it would be now. */
  record UsageRow(UUID tenantId, String planCode, long calls, long errors, long includedCalls, long amountDueMinor,
      String currency, @Nullable UUID invoiceId, @Nullable String invoiceStatus) {}

}
