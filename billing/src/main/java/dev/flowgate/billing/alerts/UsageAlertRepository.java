package dev.flowgate.billing.alerts;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

@Repository
class UsageAlertRepository {

  private final JdbcTemplate jdbc;

  UsageAlertRepository(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /** Inserts the alert unless the tenant already has one for the period and threshold. */
  boolean insertOnce(UsageAlert alert) {
    return jdbc.update(
        """
        INSERT INTO billing.usage_alerts (id, tenant_id, period, threshold_percent, used_calls, included_calls,
            created_at, delivery_status, email_status)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
        ON CONFLICT (tenant_id, period, threshold_percent) DO NOTHING
        """,
        alert.id(), alert.tenantId(), alert.period(), alert.thresholdPercent(), alert.usedCalls(),
        alert.includedCalls(), alert.createdAt().atOffset(ZoneOffset.UTC), alert.deliveryStatus(),
        alert.emailStatus()) == 1;
  }

  List<UsageAlert> byTenant(UUID tenantId, int limit) {
    return jdbc.query("SELECT * FROM billing.usage_alerts WHERE tenant_id = ? ORDER BY created_at DESC, threshold_percent DESC LIMIT ?",
        UsageAlertRepository::alert, tenantId, limit);
  }

  void delivered(UUID id, int attempts, Instant at) {
    jdbc.update("UPDATE billing.usage_alerts SET delivery_status = 'delivered', delivery_attempts = ?, "
        + "delivery_error = NULL, delivered_at = ? WHERE id = ?", attempts, at.atOffset(ZoneOffset.UTC), id);
  }

  void failed(UUID id, int attempts, String error) {
    jdbc.update("UPDATE billing.usage_alerts SET delivery_status = 'failed', delivery_attempts = ?, delivery_error = ? "
        + "WHERE id = ?", attempts, error, id);
  }

  void emailed(UUID id, int attempts, Instant at) {
    jdbc.update("UPDATE billing.usage_alerts SET email_status = 'delivered', email_attempts = ?, "
        + "email_error = NULL, emailed_at = ? WHERE id = ?", attempts, at.atOffset(ZoneOffset.UTC), id);
  }

  void emailFailed(UUID id, int attempts, String error) {
    jdbc.update("UPDATE billing.usage_alerts SET email_status = 'failed', email_attempts = ?, email_error = ? "
        + "WHERE id = ?", attempts, error, id);
  }

  private static UsageAlert alert(ResultSet rs, int row) throws SQLException {
    OffsetDateTime delivered = rs.getObject("delivered_at", OffsetDateTime.class);
    OffsetDateTime emailed = rs.getObject("emailed_at", OffsetDateTime.class);
    return new UsageAlert(rs.getObject("id", UUID.class), rs.getObject("tenant_id", UUID.class),
        rs.getString("period"), rs.getInt("threshold_percent"), rs.getLong("used_calls"), rs.getLong("included_calls"),
        rs.getObject("created_at", OffsetDateTime.class).toInstant(), rs.getString("delivery_status"),
        rs.getInt("delivery_attempts"), rs.getString("delivery_error"),
        delivered == null ? null : delivered.toInstant(), rs.getString("email_status"), rs.getInt("email_attempts"),
        rs.getString("email_error"), emailed == null ? null : emailed.toInstant());
  }
}
