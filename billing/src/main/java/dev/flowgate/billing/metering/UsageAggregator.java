package dev.flowgate.billing.metering;

import dev.flowgate.contracts.calls.ApiCallRecorded;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The latency histograms of a batch's new calls per aggregate row (hour or UTC day, key, route),
 * merged into the rows' stored ones. The other totals are summed by the metering statement itself.
 */
final class UsageAggregator {

  private UsageAggregator() {}

  /** One histogram per row: the i-th call counts in the bucket starting at {@code buckets[i]}. */
  static Map<UsageKey, LatencyHistogram> histograms(List<ApiCallRecorded> calls, List<Instant> buckets) {
    Map<UsageKey, LatencyHistogram> byKey = new HashMap<>();
    for (int i = 0; i < calls.size(); i++) {
      ApiCallRecorded call = calls.get(i);
      UsageKey key = new UsageKey(call.tenantId(), buckets.get(i), call.keyId(), call.routeId());
      byKey.computeIfAbsent(key, k -> new LatencyHistogram()).record(call.latencyMs());
    }
    return byKey;
  }

  /**
   * The stored histogram of each row (null for a new row) with this batch's added, encoded for
   * storing. Every stored row must have calls in the batch: the statement only touched those.
   */
  static Map<UsageKey, byte[]> merged(Map<UsageKey, byte @Nullable []> stored, Map<UsageKey, LatencyHistogram> batch) {
    Map<UsageKey, byte[]> merged = new HashMap<>(stored.size() * 2);
    stored.forEach((key, bytes) -> {
      LatencyHistogram added = batch.get(key);
      if (added == null) {
        throw new IllegalStateException("metering touched a row this batch did not add to: " + key);
      }
      if (bytes == null) {
        merged.put(key, added.encode());
      } else {
        LatencyHistogram histogram = LatencyHistogram.decode(bytes);
        histogram.merge(added);
        merged.put(key, histogram.encode());
      }
    });
    return merged;
  }
}
