package dev.flowgate.billing;

import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import org.springframework.jdbc.core.JdbcTemplate;

/** Writes billing test data straight into the schema, for periods metering would refuse (long past). */
public final class BillingFixtures {

  private final JdbcTemplate jdbc;
  private final Set<UUID> tenantsWithPlans = ConcurrentHashMap.newKeySet();

  public BillingFixtures(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /** A month in 1990–2019, so finalising it touches (almost) no other test's tenants. */
  public static YearMonth randomPastMonth() {
    ThreadLocalRandom random = ThreadLocalRandom.current();
    return YearMonth.of(1990 + random.nextInt(30), 1 + random.nextInt(12));
  }

  public void usage(UUID tenantId, Instant hour, long calls) {
    jdbc.update(
        """
        INSERT INTO billing.usage_hourly (tenant_id, bucket_start, key_id, route_id, calls, errors, server_errors,
            request_bytes, response_bytes, latency_sum_ms, latency_max_ms)
        VALUES (?, ?, ?, NULL, ?, 0, 0, 0, 0, 0, 0)
        """,
        tenantId, hour.atOffset(ZoneOffset.UTC), UUID.randomUUID(), calls);
    jdbc.update(
        """
        INSERT INTO billing.usage_daily (tenant_id, bucket_start, key_id, route_id, calls, errors, server_errors,
            request_bytes, response_bytes, latency_sum_ms, latency_max_ms)
        VALUES (?, ?, ?, NULL, ?, 0, 0, 0, 0, 0, 0)
        """,
        tenantId, hour.truncatedTo(java.time.temporal.ChronoUnit.DAYS).atOffset(ZoneOffset.UTC), UUID.randomUUID(),
        calls);
  }

  /**
   * Puts the tenant on a plan from {@code since}. A plan row makes the tenant billable in every
   * later month, so tests call {@link #removePlans()} afterwards, or later runs would invoice it.
   */
  public void plan(UUID tenantId, String planCode, Instant since) {
    tenantsWithPlans.add(tenantId);
    jdbc.update("INSERT INTO billing.tenant_plans (tenant_id, since, plan_code) VALUES (?, ?, ?)",
        tenantId, since.atOffset(ZoneOffset.UTC), planCode);
  }

  /** Deletes the plan rows this fixture wrote (only those: the tables are shared). */
  public void removePlans() {
    for (UUID tenantId : tenantsWithPlans) {
      jdbc.update("DELETE FROM billing.tenant_plans WHERE tenant_id = ?", tenantId);
    }
    tenantsWithPlans.clear();
  }

  public static Instant start(YearMonth month) {
    return month.atDay(1).atStartOfDay().toInstant(ZoneOffset.UTC);
  }
}
