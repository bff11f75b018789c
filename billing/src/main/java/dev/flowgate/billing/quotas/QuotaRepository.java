package dev.flowgate.billing.quotas;

import dev.flowgate.contracts.billing.QuotaStateChanged;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** The last announced quota state per tenant and period. */
@Repository
class QuotaRepository {

  private final JdbcTemplate jdbc;

  QuotaRepository(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * Stores the state unless it is the one already stored; true when it changed. A tenant with no
   * stored state that is {@code ok} stores and announces nothing: every tenant starts each period
   * ok. Two billing instances evaluating at once: only one sees the change, so it is announced once.
   */
  boolean changeTo(QuotaStateChanged state) {
    return jdbc.update(
        """
        INSERT INTO billing.quota_states AS q (tenant_id, period, state, blocked, used_calls, included_calls,
            hard_limit, blocked_until, changed_at)
        SELECT ?::uuid, ?::text, ?::text, ?::boolean, ?::bigint, ?::bigint, ?::bigint, ?::timestamptz, ?::timestamptz
        WHERE ?::text <> 'ok' OR EXISTS (SELECT 1 FROM billing.quota_states WHERE tenant_id = ?::uuid AND period = ?::text)
        ON CONFLICT (tenant_id, period) DO UPDATE SET state = excluded.state, blocked = excluded.blocked,
            used_calls = excluded.used_calls, included_calls = excluded.included_calls,
            hard_limit = excluded.hard_limit, blocked_until = excluded.blocked_until, changed_at = excluded.changed_at
        WHERE q.state <> excluded.state
        """,
        state.tenantId(), state.period(), state.state(), state.blocked(), state.usedCalls(), state.includedCalls(),
        state.hardLimit(), utc(state.blockedUntil()), utc(state.measuredAt()), state.state(), state.tenantId(),
        state.period()) == 1;
  }

  /** Every tenant blocked in {@code period}, as last announced. */
  List<QuotaStateChanged> blocked(String period) {
    return jdbc.query("SELECT * FROM billing.quota_states WHERE period = ? AND blocked", QuotaRepository::state, period);
  }

  /** Tenants with usage in the period starting at {@code periodStart}. */
  List<UUID> tenantsWithUsageSince(Instant periodStart) {
    return jdbc.queryForList("SELECT DISTINCT tenant_id FROM billing.usage_daily WHERE bucket_start >= ?",
        UUID.class, utc(periodStart));
  }

  private static QuotaStateChanged state(ResultSet rs, int row) throws SQLException {
    OffsetDateTime until = rs.getObject("blocked_until", OffsetDateTime.class);
    return new QuotaStateChanged(rs.getObject("tenant_id", UUID.class), rs.getString("period"), rs.getString("state"),
        rs.getBoolean("blocked"), rs.getLong("used_calls"), rs.getLong("included_calls"),
        rs.getObject("hard_limit", Long.class), until == null ? null : until.toInstant(),
        rs.getObject("changed_at", OffsetDateTime.class).toInstant());
  }

  private static @Nullable OffsetDateTime utc(@Nullable Instant instant) {
    return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
  }
}
