package dev.flowgate.billing.metering;

import dev.flowgate.contracts.calls.ApiCallRecorded;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Folds calls into per-hour, per-key, per-route totals, in the order their rows should be locked. */
final class HourlyAggregator {

  private HourlyAggregator() {}

  static List<HourlyUsage> aggregate(List<ApiCallRecorded> calls) {
    Map<UsageKey, HourlyUsage> byKey = new LinkedHashMap<>();
    for (ApiCallRecorded call : calls) {
      UsageKey key =
          new UsageKey(
              call.tenantId(), call.timestamp().truncatedTo(ChronoUnit.HOURS), call.keyId(), call.routeId());
      byKey.computeIfAbsent(key, HourlyUsage::new).add(call);
    }
    List<HourlyUsage> rows = new ArrayList<>(byKey.values());
    rows.sort((a, b) -> UsageKey.LOCK_ORDER.compare(a.key(), b.key()));
    return rows;
  }
}
