package dev.flowgate.billing.metering;

import dev.flowgate.contracts.calls.ApiCallRecorded;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** Folds calls into per-bucket (hour or UTC day), per-key, per-route totals, in lock order. */
final class UsageAggregator {

  private UsageAggregator() {}

  /** Buckets each call by its own timestamp. */
  static List<UsageTotals> aggregate(List<ApiCallRecorded> calls, ChronoUnit unit) {
    return aggregate(calls, unit, ApiCallRecorded::timestamp);
  }

  /** Buckets each call by {@code meteredAt}, which may move a too-late call into the current hour. */
  static List<UsageTotals> aggregate(List<ApiCallRecorded> calls, ChronoUnit unit,
      Function<ApiCallRecorded, Instant> meteredAt) {
    Map<UsageKey, UsageTotals> byKey = new LinkedHashMap<>();
    for (ApiCallRecorded call : calls) {
      UsageKey key = new UsageKey(call.tenantId(), meteredAt.apply(call).truncatedTo(unit), call.keyId(), call.routeId());
      byKey.computeIfAbsent(key, UsageTotals::new).add(call);
    }
    List<UsageTotals> rows = new ArrayList<>(byKey.values());
    rows.sort((a, b) -> UsageKey.LOCK_ORDER.compare(a.key(), b.key()));
    return rows;
  }
}
