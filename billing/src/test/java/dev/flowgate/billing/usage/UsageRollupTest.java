package dev.flowgate.billing.usage;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flowgate.billing.metering.LatencyHistogram;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

class UsageRollupTest {

  private static final UUID KEY_A = UUID.fromString("00000000-0000-4000-8000-00000000000a");
  private static final UUID KEY_B = UUID.fromString("00000000-0000-4000-8000-00000000000b");
  private final String tenant = UUID.randomUUID().toString();

  private static UsageRow row(String hour, UUID key, long calls, long... latencies) {
    LatencyHistogram histogram = new LatencyHistogram();
    LongStream.of(latencies).forEach(histogram::record);
    long max = LongStream.of(latencies).max().orElse(0);
    return new UsageRow(Instant.parse(hour), key, null, calls, 1, 0, 10, 20, max, histogram.encode());
  }

  private final List<UsageRow> rows =
      List.of(
          row("2026-11-23T10:00:00Z", KEY_A, 2, 10, 20),
          row("2026-11-23T10:00:00Z", KEY_B, 1, 300),
          row("2026-11-23T11:00:00Z", KEY_A, 1, 40),
          row("2026-11-24T02:00:00Z", KEY_A, 1, 5));

  @Test
  void hourly_ungrouped_sums_every_group_per_hour() {
    UsageQuery query = UsageQuery.parse(tenant, "2026-11-23T00:00:00Z", "2026-11-25T00:00:00Z", "hour", "none");
    UsageReport report = UsageRollup.rollUp(query, rows);
    assertThat(report.series())
        .extracting(UsageReport.Point::bucketStart, UsageReport.Point::group, UsageReport.Point::calls)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(Instant.parse("2026-11-23T10:00:00Z"), null, 3L),
            org.assertj.core.groups.Tuple.tuple(Instant.parse("2026-11-23T11:00:00Z"), null, 1L),
            org.assertj.core.groups.Tuple.tuple(Instant.parse("2026-11-24T02:00:00Z"), null, 1L));
    assertThat(report.totals()).isEqualTo(new UsageReport.Totals(5, 4, 0, 40, 80));
    assertThat(report.series().getFirst().latencyP99Ms()).isEqualTo(300);
    assertThat(report.granularity()).isEqualTo("hour");
    assertThat(report.groupBy()).isEqualTo("none");
  }

  @Test
  void daily_by_key_rolls_hours_into_utc_days() {
    UsageQuery query = UsageQuery.parse(tenant, "2026-11-23T00:00:00Z", "2026-11-25T00:00:00Z", "day", "key");
    UsageReport report = UsageRollup.rollUp(query, rows);
    assertThat(report.series())
        .extracting(UsageReport.Point::bucketStart, UsageReport.Point::group, UsageReport.Point::calls)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(Instant.parse("2026-11-23T00:00:00Z"), KEY_A.toString(), 3L),
            org.assertj.core.groups.Tuple.tuple(Instant.parse("2026-11-23T00:00:00Z"), KEY_B.toString(), 1L),
            org.assertj.core.groups.Tuple.tuple(Instant.parse("2026-11-24T00:00:00Z"), KEY_A.toString(), 1L));
    UsageReport.Point keyA = report.series().getFirst();
    assertThat(keyA.latencyP50Ms()).isBetween(20L, 25L);
    assertThat(keyA.latencyP99Ms()).isEqualTo(40);
  }

  @Test
  void no_rows_give_zero_totals_and_an_empty_series() {
    UsageQuery query = UsageQuery.parse(tenant, "2026-11-23T00:00:00Z", "2026-11-24T00:00:00Z", null, null);
    UsageReport report = UsageRollup.rollUp(query, List.of());
    assertThat(report.series()).isEmpty();
    assertThat(report.totals().calls()).isZero();
  }
}
