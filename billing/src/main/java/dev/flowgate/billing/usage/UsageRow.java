package dev.flowgate.billing.usage;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** One stored aggregate (hourly or daily), as read back; the histogram is HdrHistogram-encoded. */
record UsageRow(
    Instant bucketStart,
    @Nullable UUID keyId,
    @Nullable UUID routeId,
    long calls,
    long errors,
    long serverErrors,
    long requestBytes,
    long responseBytes,
    long latencyMaxMs,
    byte @Nullable [] latencyHistogram) {}
