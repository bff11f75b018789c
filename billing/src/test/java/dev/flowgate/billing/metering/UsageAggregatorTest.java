package dev.flowgate.billing.metering;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.flowgate.contracts.calls.ApiCallRecorded;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class UsageAggregatorTest {

  private static final UUID TENANT = UUID.randomUUID();
  private static final UUID KEY = UUID.randomUUID();
  private static final UUID ROUTE = UUID.randomUUID();
  private static final Instant TEN = Instant.parse("2026-11-23T10:00:00Z");
  private static final Instant ELEVEN = Instant.parse("2026-11-23T11:00:00Z");

  static ApiCallRecorded call(UUID keyId, long latency) {
    return new ApiCallRecorded("req", TENANT, keyId, ROUTE, null, "GET", "/x", 200, latency, 10, 100, null, TEN);
  }

  @Test
  void calls_in_the_same_bucket_key_and_route_share_one_histogram() {
    Map<UsageKey, LatencyHistogram> rows =
        UsageAggregator.histograms(List.of(call(KEY, 5), call(KEY, 50), call(KEY, 20)), List.of(TEN, TEN, TEN));

    assertThat(rows).containsOnlyKeys(new UsageKey(TENANT, TEN, KEY, ROUTE));
    LatencyHistogram histogram = rows.values().iterator().next();
    assertThat(histogram.count()).isEqualTo(3);
    assertThat(histogram.percentile(0.5, 50)).isEqualTo(20);
  }

  @Test
  void other_buckets_and_keys_get_their_own_histograms() {
    Map<UsageKey, LatencyHistogram> rows =
        UsageAggregator.histograms(List.of(call(KEY, 1), call(null, 1), call(KEY, 1)), List.of(ELEVEN, TEN, TEN));

    assertThat(rows).containsOnlyKeys(new UsageKey(TENANT, ELEVEN, KEY, ROUTE), new UsageKey(TENANT, TEN, null, ROUTE),
        new UsageKey(TENANT, TEN, KEY, ROUTE));
  }

  @Test
  void no_calls_give_no_histograms() {
    assertThat(UsageAggregator.histograms(List.of(), List.of())).isEmpty();
  }

  @Test
  void a_stored_histogram_is_merged_with_the_batch_and_a_new_row_gets_the_batch_alone() {
    UsageKey existing = new UsageKey(TENANT, TEN, KEY, ROUTE);
    UsageKey created = new UsageKey(TENANT, ELEVEN, KEY, ROUTE);
    LatencyHistogram before = new LatencyHistogram();
    before.record(3);
    Map<UsageKey, byte[]> stored = new HashMap<>();
    stored.put(existing, before.encode());
    stored.put(created, null);

    Map<UsageKey, byte[]> merged = UsageAggregator.merged(stored,
        UsageAggregator.histograms(List.of(call(KEY, 700), call(KEY, 9)), List.of(TEN, ELEVEN)));

    assertThat(LatencyHistogram.decode(merged.get(existing)).count()).isEqualTo(2);
    assertThat(LatencyHistogram.decode(merged.get(existing)).percentile(0.99, 700)).isBetween(695L, 700L);
    assertThat(LatencyHistogram.decode(merged.get(created)).count()).isEqualTo(1);
  }

  @Test
  void a_stored_row_the_batch_did_not_add_to_is_an_error() {
    Map<UsageKey, byte[]> stored = new HashMap<>();
    stored.put(new UsageKey(TENANT, ELEVEN, KEY, ROUTE), null);

    assertThatThrownBy(() -> UsageAggregator.merged(stored, UsageAggregator.histograms(List.of(call(KEY, 1)),
        List.of(TEN)))).isInstanceOf(IllegalStateException.class);
  }
}
