package dev.flowgate.billing.usage;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** One stored hourly aggregate, as read back. */
record HourlyRow(
    Instant bucketStart,
    @Nullable UUID keyId,
    @Nullable UUID routeId,
    long calls,
    long errors,
    long serverErrors,
    long requestBytes,
    long responseBytes,
    long latencyMaxMs,
    long[] latencyHistogram) {}
