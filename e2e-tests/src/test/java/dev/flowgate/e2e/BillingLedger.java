package dev.flowgate.e2e;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;

/**
 * Test data in billing's schema that no API can make, because it is about the past or too small to
 * sell: a tenant that was on a plan last month (so there is a month to finalise), and a plan with a
 * hard limit of a few calls. Everything else in the journeys goes through the running platform.
 * Connects to the database the platform uses ({@code FLOWGATE_DB_URL}, as {@code up} exports it).
 */
final class BillingLedger {

  private final String url = Env.or("FLOWGATE_DB_URL", "jdbc:postgresql://127.0.0.1:5432/flowgate");
  private final String user = Env.or("FLOWGATE_DB_USER", "flowgate");
  private final String password = Env.or("FLOWGATE_DB_PASSWORD", "");

  /** A USD plan with no base price, {@code includedCalls} included and a hard limit of {@code hardLimitCalls}. */
  void definePlan(String code, long includedCalls, long hardLimitCalls) {
    update("INSERT INTO billing.plans (code, name, currency, base_price_minor, included_calls,"
        + " overage_per_thousand_minor, hard_limit_calls, sort_order) VALUES (?, ?, 'USD', 0, ?, 0, ?, 999)",
        code, "Journey " + code, includedCalls, hardLimitCalls);
  }

  /** Puts the tenant on the plan from {@code since}, as if it had changed plan then. */
  void planSince(UUID tenantId, String planCode, Instant since) {
    update("INSERT INTO billing.tenant_plans (tenant_id, since, plan_code) VALUES (?, ?, ?)",
        tenantId, since.atOffset(ZoneOffset.UTC), planCode);
  }

  /** Takes the tenant's plan history and then the plan away again (the tables are shared). */
  void removePlan(UUID tenantId, String planCode) {
    update("DELETE FROM billing.tenant_plans WHERE tenant_id = ? AND plan_code = ?", tenantId, planCode);
    update("DELETE FROM billing.plans WHERE code = ? AND NOT EXISTS "
        + "(SELECT 1 FROM billing.tenant_plans WHERE plan_code = ?)", planCode, planCode);
  }

  private void update(String sql, Object... parameters) {
    try (Connection connection = DriverManager.getConnection(url, user, password);
        PreparedStatement statement = connection.prepareStatement(sql)) {
      for (int i = 0; i < parameters.length; i++) {
        statement.setObject(i + 1, parameters[i]);
      }
      statement.executeUpdate();
    } catch (SQLException e) {
      throw new IllegalStateException("billing's schema at " + url + ": " + e.getMessage(), e);
    }
  }
}
