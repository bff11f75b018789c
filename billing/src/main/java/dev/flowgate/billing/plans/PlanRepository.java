package dev.flowgate.billing.plans;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** Plans, tenants' plan history and the calls counted from the hourly aggregates. */
@Repository
class PlanRepository {

  private static final String COLUMNS =
      "code, name, currency, base_price_minor, included_calls, overage_per_thousand_minor, hard_limit_calls";

  private final JdbcTemplate jdbc;

  PlanRepository(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  List<Plan> all() {
    return jdbc.query("SELECT " + COLUMNS + " FROM billing.plans ORDER BY sort_order, code", PlanRepository::plan);
  }

  Optional<Plan> find(String code) {
    return jdbc.query("SELECT " + COLUMNS + " FROM billing.plans WHERE code = ?", PlanRepository::plan, code)
        .stream().findFirst();
  }

  /** The code of the plan in force at {@code at}, if the tenant ever chose one by then. */
  Optional<String> planCodeAt(UUID tenantId, Instant at) {
    return jdbc.queryForList(
            "SELECT plan_code FROM billing.tenant_plans WHERE tenant_id = ? AND since <= ? ORDER BY since DESC LIMIT 1",
            String.class, tenantId, at.atOffset(ZoneOffset.UTC))
        .stream().findFirst();
  }

  /** Plan changes strictly inside the period, oldest first: (since, plan code). */
  List<Map.Entry<Instant, String>> changesWithin(UUID tenantId, BillingPeriod period) {
    return jdbc.query(
        "SELECT since, plan_code FROM billing.tenant_plans WHERE tenant_id = ? AND since > ? AND since < ? ORDER BY since",
        (rs, n) -> Map.entry(rs.getObject("since", OffsetDateTime.class).toInstant(), rs.getString("plan_code")),
        tenantId, period.start().atOffset(ZoneOffset.UTC), period.end().atOffset(ZoneOffset.UTC));
  }

  void choose(UUID tenantId, String planCode, Instant since) {
    jdbc.update(
        """
        INSERT INTO billing.tenant_plans (tenant_id, since, plan_code) VALUES (?, ?, ?)
        ON CONFLICT (tenant_id, since) DO UPDATE SET plan_code = EXCLUDED.plan_code
        """,
        tenantId, since.atOffset(ZoneOffset.UTC), planCode);
  }

  long callsBetween(UUID tenantId, Instant fromInclusive, Instant toExclusive) {
    Long calls = jdbc.queryForObject(
        "SELECT coalesce(sum(calls), 0) FROM billing.usage_daily WHERE tenant_id = ? AND bucket_start >= ? AND bucket_start < ?",
        Long.class, tenantId, fromInclusive.atOffset(ZoneOffset.UTC), toExclusive.atOffset(ZoneOffset.UTC));
    return calls == null ? 0 : calls;
  }

  /** Tenants with a plan chosen before the period ends or with usage in it. */
  List<UUID> tenantsToInvoice(BillingPeriod period) {
    return jdbc.queryForList(
        """
        SELECT tenant_id FROM billing.tenant_plans WHERE since < ?
        UNION
        SELECT tenant_id FROM billing.usage_daily WHERE bucket_start >= ? AND bucket_start < ?
        """,
        UUID.class,
        period.end().atOffset(ZoneOffset.UTC),
        period.start().atOffset(ZoneOffset.UTC),
        period.end().atOffset(ZoneOffset.UTC));
  }

  private static Plan plan(ResultSet rs, int rowNum) throws SQLException {
    return new Plan(
        rs.getString("code"),
        rs.getString("name"),
        rs.getString("currency"),
        rs.getLong("base_price_minor"),
        rs.getLong("included_calls"),
        rs.getLong("overage_per_thousand_minor"),
        rs.getObject("hard_limit_calls", Long.class));
  }
}
