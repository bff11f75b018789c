package dev.flowgate.billing.usage;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** The internal usage API's answer, exactly in the shape ARCHITECTURE.md pins. */
record UsageReport(
    UUID tenantId,
    Instant from,
    Instant to,
    String granularity,
    String groupBy,
    Totals totals,
    List<Point> series) {

  record Totals(long calls, long errors, long serverErrors, long requestBytes, long responseBytes) {}

  /** One bucket of one group; {@code group} is the key or route id, or null when not grouped. */
  record Point(
      Instant bucketStart,
      @Nullable String group,
      long calls,
      long errors,
      long serverErrors,
      long requestBytes,
      long responseBytes,
      long latencyP50Ms,
      long latencyP95Ms,
      long latencyP99Ms) {}
}
