package dev.flowgate.contracts.billing;

import dev.flowgate.contracts.Versioned;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Published by billing on {@code billing.quotas} when a tenant's usage crosses a threshold of its
 * plan in the current period, and again every few seconds for every blocked tenant, so a gateway
 * that starts late still learns who is blocked. Gateways answer 429 with the problem type
 * {@code quota-exceeded} while {@code blocked} is true and {@code blockedUntil} is in the future.
 *
 * @param period the billing period, {@code yyyy-MM} in UTC
 * @param state {@code ok}, {@code warning} (80% of the included calls), {@code included_exhausted}
 *     (100%, overage is billed) or {@code hard_limit_reached}
 * @param blocked whether gateways must refuse the tenant's calls
 * @param hardLimit the plan's hard limit on calls per period, or null when it has none
 * @param blockedUntil the start of the next period when blocked, else null
 */
public record QuotaStateChanged(
    UUID tenantId,
    String period,
    String state,
    boolean blocked,
    long usedCalls,
    long includedCalls,
    @Nullable Long hardLimit,
    @Nullable Instant blockedUntil,
    Instant measuredAt)
    implements Versioned {

  public static final String TYPE = "billing.quota_state_changed";
  public static final int VERSION = 1;

  @Override
  public String eventType() {
    return TYPE;
  }

  @Override
  public int schemaVersion() {
    return VERSION;
  }
}
