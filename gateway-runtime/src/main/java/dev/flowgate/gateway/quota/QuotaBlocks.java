package dev.flowgate.gateway.quota;

import dev.flowgate.contracts.billing.QuotaStateChanged;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Which tenants billing has blocked, and until when. The latest word per tenant wins (by
 * {@code measuredAt}), so a late, older message cannot block a tenant billing has since let go.
 * Read on every call: a map lookup, no I/O. Shows in {@code /metrics} as
 * {@code flowgate_gateway_quota_blocked_tenants} and {@code flowgate_gateway_quota_refused_total{tenant}}.
 */
@Component
public class QuotaBlocks {

  private record State(boolean blocked, @Nullable Instant until, Instant measuredAt) {}

  private final Map<UUID, State> states = new ConcurrentHashMap<>();
  private final Clock clock;
  private final MeterRegistry registry;

  public QuotaBlocks(Clock clock, MeterRegistry registry) {
    this.clock = clock;
    this.registry = registry;
    Gauge.builder("flowgate.gateway.quota.blocked.tenants", this, QuotaBlocks::blockedCount)
        .description("Tenants whose calls are refused because billing says their quota is used up")
        .register(registry);
  }

  /** Applies billing's latest word on a tenant, unless a newer one is already here. */
  public void apply(QuotaStateChanged change) {
    State next = new State(change.blocked(), change.blockedUntil(), change.measuredAt());
    states.merge(change.tenantId(), next, (old, now) -> now.measuredAt().isBefore(old.measuredAt()) ? old : now);
  }

  /** When the tenant's block ends, or null when its calls may go through. */
  public @Nullable Instant blockedUntil(UUID tenantId) {
    State state = states.get(tenantId);
    if (state == null || !state.blocked() || state.until() == null || !state.until().isAfter(clock.instant())) {
      return null;
    }
    return state.until();
  }

  /** Counts a refused call. */
  public void refused(String tenantSlug) {
    Counter.builder("flowgate.gateway.quota.refused")
        .description("Calls refused with 429 quota-exceeded")
        .tag("tenant", tenantSlug)
        .register(registry)
        .increment();
  }

  private double blockedCount() {
    return states.keySet().stream().filter(id -> blockedUntil(id) != null).count();
  }
}
