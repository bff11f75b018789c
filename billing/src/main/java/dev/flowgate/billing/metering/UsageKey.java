package dev.flowgate.billing.metering;

import java.time.Instant;
import java.util.Comparator;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** Identifies one aggregate row: a tenant's calls in one bucket (hour or day) through one key and route. */
record UsageKey(UUID tenantId, Instant bucketStart, @Nullable UUID keyId, @Nullable UUID routeId) {

  /** A stable order, so that concurrent transactions lock aggregate rows in the same sequence. */
  static final Comparator<UsageKey> LOCK_ORDER =
      Comparator.comparing(UsageKey::tenantId)
          .thenComparing(UsageKey::bucketStart)
          .thenComparing(UsageKey::keyId, Comparator.nullsFirst(Comparator.naturalOrder()))
          .thenComparing(UsageKey::routeId, Comparator.nullsFirst(Comparator.naturalOrder()));
}
