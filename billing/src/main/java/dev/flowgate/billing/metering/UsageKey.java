package dev.flowgate.billing.metering;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** Identifies one aggregate row: a tenant's calls in one bucket (hour or day) through one key and route. */
record UsageKey(UUID tenantId, Instant bucketStart, @Nullable UUID keyId, @Nullable UUID routeId) {}
