package dev.flowgate.billing.plans;

import java.time.Instant;
import java.util.UUID;

/** A tenant's plan now, with the current period and the calls metered in it so far. */
public record TenantPlan(UUID tenantId, Plan plan, Instant periodStart, Instant periodEnd, long callsThisPeriod) {}
