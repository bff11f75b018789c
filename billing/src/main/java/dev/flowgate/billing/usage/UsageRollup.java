package dev.flowgate.billing.usage;

import dev.flowgate.billing.metering.LatencyHistogram;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** Rolls hourly or daily rows up into the requested buckets and groups, with percentiles per point. */
final class UsageRollup {

  private UsageRollup() {}

  private record Slot(Instant bucketStart, @Nullable String group) {

    static final Comparator<Slot> ORDER =
        Comparator.comparing(Slot::bucketStart)
            .thenComparing(Slot::group, Comparator.nullsFirst(Comparator.naturalOrder()));
  }

  private static final class Sum {
    long calls;
    long errors;
    long serverErrors;
    long requestBytes;
    long responseBytes;
    long latencyMaxMs;
    final LatencyHistogram histogram = new LatencyHistogram();

    void add(UsageRow row) {
      calls += row.calls();
      errors += row.errors();
      serverErrors += row.serverErrors();
      requestBytes += row.requestBytes();
      responseBytes += row.responseBytes();
      latencyMaxMs = Math.max(latencyMaxMs, row.latencyMaxMs());
      histogram.merge(LatencyHistogram.decode(row.latencyHistogram()));
    }
  }

  static UsageReport rollUp(UsageQuery query, List<UsageRow> rows) {
    Map<Slot, Sum> slots = new TreeMap<>(Slot.ORDER);
    Sum total = new Sum();
    for (UsageRow row : rows) {
      Slot slot = new Slot(query.granularity().bucketOf(row.bucketStart()), group(query.groupBy(), row));
      slots.computeIfAbsent(slot, s -> new Sum()).add(row);
      total.add(row);
    }
    List<UsageReport.Point> series = new ArrayList<>(slots.size());
    slots.forEach((slot, sum) -> series.add(point(slot, sum)));
    return new UsageReport(
        query.tenantId(),
        query.from(),
        query.to(),
        query.granularity().wire(),
        query.groupBy().wire(),
        new UsageReport.Totals(total.calls, total.errors, total.serverErrors, total.requestBytes, total.responseBytes),
        series);
  }

  private static @Nullable String group(UsageQuery.GroupBy groupBy, UsageRow row) {
    UUID id =
        switch (groupBy) {
          case NONE -> null;
          case KEY -> row.keyId();
          case ROUTE -> row.routeId();
        };
    return id == null ? null : Objects.toString(id);
  }

  private static UsageReport.Point point(Slot slot, Sum sum) {
    return new UsageReport.Point(
        slot.bucketStart(),
        slot.group(),
        sum.calls,
        sum.errors,
        sum.serverErrors,
        sum.requestBytes,
        sum.responseBytes,
        sum.histogram.percentile(0.50, sum.latencyMaxMs),
        sum.histogram.percentile(0.95, sum.latencyMaxMs),
        sum.histogram.percentile(0.99, sum.latencyMaxMs));
  }
}
