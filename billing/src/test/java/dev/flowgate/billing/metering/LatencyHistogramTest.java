package dev.flowgate.billing.metering;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

class LatencyHistogramTest {

  @Test
  void an_empty_histogram_reports_zero() {
    assertThat(new LatencyHistogram().percentile(0.99, 0)).isZero();
  }

  @Test
  void latencies_fall_into_buckets_by_exclusive_upper_bound() {
    assertThat(LatencyHistogram.bucketOf(0)).isZero();
    assertThat(LatencyHistogram.bucketOf(1)).isEqualTo(1);
    assertThat(LatencyHistogram.bucketOf(99)).isEqualTo(LatencyHistogram.bucketOf(80));
    assertThat(LatencyHistogram.bucketOf(100)).isEqualTo(LatencyHistogram.bucketOf(119));
    assertThat(LatencyHistogram.bucketOf(10_000_000)).isEqualTo(LatencyHistogram.BUCKETS - 1);
    assertThat(LatencyHistogram.bucketOf(-5)).isZero();
  }

  @Test
  void percentiles_are_never_above_the_observed_maximum() {
    LatencyHistogram histogram = new LatencyHistogram();
    histogram.record(7);
    histogram.record(7);
    assertThat(histogram.percentile(0.5, 7)).isEqualTo(7);
    assertThat(histogram.percentile(0.99, 7)).isEqualTo(7);
  }

  @Test
  void percentiles_of_a_uniform_spread_are_within_a_quarter_of_exact() {
    LatencyHistogram histogram = new LatencyHistogram();
    LongStream.rangeClosed(1, 1000).forEach(histogram::record);
    assertThat(histogram.percentile(0.50, 1000)).isBetween(500L, 625L);
    assertThat(histogram.percentile(0.95, 1000)).isBetween(950L, 1000L);
    assertThat(histogram.percentile(0.99, 1000)).isBetween(990L, 1000L);
  }

  @Test
  void a_slow_tail_shows_in_p99_but_not_in_p50() {
    LatencyHistogram histogram = new LatencyHistogram();
    LongStream.range(0, 980).forEach(i -> histogram.record(10 + ThreadLocalRandom.current().nextLong(5)));
    LongStream.range(0, 20).forEach(i -> histogram.record(2_000));
    assertThat(histogram.percentile(0.50, 2_000)).isLessThanOrEqualTo(15);
    assertThat(histogram.percentile(0.99, 2_000)).isEqualTo(2_000);
  }

  @Test
  void merged_histograms_add_their_counts() {
    LatencyHistogram a = new LatencyHistogram();
    LatencyHistogram b = new LatencyHistogram();
    a.record(3);
    b.record(3);
    b.record(400);
    a.merge(b);
    assertThat(a.count()).isEqualTo(3);
    assertThat(a.counts()[LatencyHistogram.bucketOf(3)]).isEqualTo(2);
  }

  @Test
  void a_stored_histogram_with_fewer_buckets_is_padded() {
    LatencyHistogram stored = LatencyHistogram.of(new long[] {4, 1});
    assertThat(stored.counts()).hasSize(LatencyHistogram.BUCKETS);
    assertThat(stored.count()).isEqualTo(5);
  }
}
