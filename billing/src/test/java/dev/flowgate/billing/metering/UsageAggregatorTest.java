package dev.flowgate.billing.metering;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flowgate.contracts.calls.ApiCallRecorded;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class UsageAggregatorTest {

  private static final UUID TENANT = UUID.randomUUID();
  private static final UUID KEY = UUID.randomUUID();
  private static final UUID ROUTE = UUID.randomUUID();

  static ApiCallRecorded call(UUID keyId, String at, int status, long latency) {
    return new ApiCallRecorded(
        "req", TENANT, keyId, ROUTE, null, "GET", "/x", status, latency, 10, 100, null, Instant.parse(at));
  }

  @Test
  void calls_in_the_same_hour_key_and_route_share_one_row() {
    List<UsageTotals> rows =
        UsageAggregator.aggregate(
            List.of(
                call(KEY, "2026-11-23T10:05:00Z", 200, 5),
                call(KEY, "2026-11-23T10:59:59Z", 404, 50),
                call(KEY, "2026-11-23T10:30:00Z", 503, 20)),
            ChronoUnit.HOURS);
    assertThat(rows).hasSize(1);
    UsageTotals row = rows.getFirst();
    assertThat(row.key().bucketStart()).isEqualTo(Instant.parse("2026-11-23T10:00:00Z"));
    assertThat(row.calls()).isEqualTo(3);
    assertThat(row.errors()).isEqualTo(2);
    assertThat(row.serverErrors()).isEqualTo(1);
    assertThat(row.requestBytes()).isEqualTo(30);
    assertThat(row.responseBytes()).isEqualTo(300);
    assertThat(row.latencySumMs()).isEqualTo(75);
    assertThat(row.latencyMaxMs()).isEqualTo(50);
    assertThat(row.histogram().count()).isEqualTo(3);
  }

  @Test
  void other_hours_and_keys_get_their_own_rows_in_lock_order() {
    List<UsageTotals> rows =
        UsageAggregator.aggregate(
            List.of(
                call(KEY, "2026-11-23T11:00:00Z", 200, 1),
                call(null, "2026-11-23T10:00:00Z", 200, 1),
                call(KEY, "2026-11-23T10:00:00Z", 200, 1)),
            ChronoUnit.HOURS);
    assertThat(rows).extracting(UsageTotals::key).isSortedAccordingTo(UsageKey.LOCK_ORDER).hasSize(3);
    assertThat(rows.getFirst().key().keyId()).isNull();
  }

  @Test
  void no_calls_give_no_rows() {
    assertThat(UsageAggregator.aggregate(List.of(), ChronoUnit.HOURS)).isEmpty();
  }

  @Test
  void daily_rows_gather_every_hour_of_a_utc_day() {
    List<UsageTotals> rows =
        UsageAggregator.aggregate(
            List.of(
                call(KEY, "2026-11-23T00:00:00Z", 200, 1),
                call(KEY, "2026-11-23T23:59:59Z", 200, 1),
                call(KEY, "2026-11-24T00:00:00Z", 200, 1)),
            ChronoUnit.DAYS);
    assertThat(rows).extracting(r -> r.key().bucketStart())
        .containsExactly(Instant.parse("2026-11-23T00:00:00Z"), Instant.parse("2026-11-24T00:00:00Z"));
    assertThat(rows.getFirst().calls()).isEqualTo(2);
  }

  @Test
  void a_call_metered_at_another_instant_lands_in_that_hour() {
    Instant now = Instant.parse("2026-11-23T15:20:00Z");
    List<UsageTotals> rows =
        UsageAggregator.aggregate(List.of(call(KEY, "2026-11-01T10:00:00Z", 200, 1)), ChronoUnit.HOURS, c -> now);
    assertThat(rows.getFirst().key().bucketStart()).isEqualTo(Instant.parse("2026-11-23T15:00:00Z"));
  }
}
