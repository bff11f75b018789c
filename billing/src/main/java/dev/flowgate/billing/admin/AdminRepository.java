package dev.flowgate.billing.admin;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** Cross-tenant sums for the billing team; months are keyed {@code yyyy-MM} in UTC. */
@Repository
class AdminRepository {

  /** Usage of one month or one tenant. */
  record UsageSum(long tenants, long calls, long errors) {}

  /** Invoice sums of one month in one currency. */
  record InvoiceSum(String period, String currency, long invoiced, long paid, long open) {}

  /** A tenant's invoice for a period. */
  record TenantInvoice(UUID id, String status, long totalMinor, String currency, String planCode) {}

  private final JdbcTemplate jdbc;

  AdminRepository(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /** Per month: tenants with usage or an invoice, and calls. */
  Map<String, UsageSum> usageByMonth(Instant from, Instant to) {
    Map<String, UsageSum> result = new HashMap<>();
    jdbc.query(
        """
        SELECT month, count(DISTINCT tenant_id) AS tenants, coalesce(sum(calls), 0) AS calls FROM (
            SELECT to_char(bucket_start AT TIME ZONE 'UTC', 'YYYY-MM') AS month, tenant_id, calls
            FROM billing.usage_daily WHERE bucket_start >= ? AND bucket_start < ?
            UNION ALL
            SELECT to_char(period_start AT TIME ZONE 'UTC', 'YYYY-MM'), tenant_id, 0
            FROM billing.invoices WHERE period_start >= ? AND period_start < ?) AS t
        GROUP BY month
        """,
        rs -> {
          result.put(rs.getString("month"), new UsageSum(rs.getLong("tenants"), rs.getLong("calls"), 0));
        },
        utc(from), utc(to), utc(from), utc(to));
    return result;
  }

  List<InvoiceSum> invoicesByMonth(Instant from, Instant to) {
    return jdbc.query(
        """
        SELECT to_char(period_start AT TIME ZONE 'UTC', 'YYYY-MM') AS month, currency,
               coalesce(sum(total_minor) FILTER (WHERE status <> 'void'), 0) AS invoiced,
               coalesce(sum(total_minor) FILTER (WHERE status = 'paid'), 0) AS paid,
               coalesce(sum(total_minor) FILTER (WHERE status IN ('open', 'payment_failed')), 0) AS open
        FROM billing.invoices WHERE period_start >= ? AND period_start < ?
        GROUP BY 1, 2
        """,
        (rs, n) -> new InvoiceSum(rs.getString("month"), rs.getString("currency"), rs.getLong("invoiced"),
            rs.getLong("paid"), rs.getLong("open")),
        utc(from), utc(to));
  }

  /** Per month, plan and currency: non-void invoices and their total, by month then plan. */
  List<AdminViews.PlanRevenue> invoicesByMonthAndPlan(Instant from, Instant to) {
    return jdbc.query(
        """
        SELECT to_char(period_start AT TIME ZONE 'UTC', 'YYYY-MM') AS month, plan_code, currency,
               count(*) AS invoices, sum(total_minor) AS invoiced
        FROM billing.invoices WHERE period_start >= ? AND period_start < ? AND status <> 'void'
        GROUP BY 1, 2, 3 ORDER BY 1, 2, 3
        """,
        (rs, n) -> new AdminViews.PlanRevenue(rs.getString("month"), rs.getString("plan_code"),
            rs.getString("currency"), rs.getLong("invoices"), rs.getLong("invoiced")),
        utc(from), utc(to));
  }

  /** Calls and errors per tenant in the period, for every tenant with usage, a plan or an invoice in it. */
  Map<UUID, UsageSum> usageByTenant(Instant from, Instant to) {
    Map<UUID, UsageSum> result = new HashMap<>();
    jdbc.query(
        """
        SELECT tenant_id, sum(calls) AS calls, sum(errors) AS errors FROM (
            SELECT tenant_id, calls, errors FROM billing.usage_daily WHERE bucket_start >= ? AND bucket_start < ?
            UNION ALL
            SELECT tenant_id, 0, 0 FROM billing.invoices WHERE period_start = ?
            UNION ALL
            SELECT tenant_id, 0, 0 FROM billing.tenant_plans WHERE since < ?) AS t
        GROUP BY tenant_id
        """,
        rs -> {
          result.put(rs.getObject("tenant_id", UUID.class), new UsageSum(1, rs.getLong("calls"), rs.getLong("errors")));
        },
        utc(from), utc(to), utc(from), utc(to));
    return result;
  }

  Map<UUID, TenantInvoice> invoicesOfPeriod(Instant periodStart) {
    Map<UUID, TenantInvoice> result = new HashMap<>();
    jdbc.query("SELECT id, tenant_id, status, total_minor, currency, plan_code FROM billing.invoices WHERE period_start = ?",
        rs -> {
          result.put(rs.getObject("tenant_id", UUID.class), new TenantInvoice(rs.getObject("id", UUID.class),
              rs.getString("status"), rs.getLong("total_minor"), rs.getString("currency"), rs.getString("plan_code")));
        },
        utc(periodStart));
    return result;
  }

  private static @Nullable OffsetDateTime utc(@Nullable Instant instant) {
    return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
  }
}
