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
  void percentiles_are_never_above_the_observed_maximum() {
    LatencyHistogram histogram = new LatencyHistogram();
    histogram.record(2_003);
    assertThat(histogram.percentile(0.99, 2_003)).isEqualTo(2_003);
  }

  @Test
  void percentiles_of_a_uniform_spread_are_within_one_percent_of_exact() {
    LatencyHistogram histogram = new LatencyHistogram();
    LongStream.rangeClosed(1, 10_000).forEach(histogram::record);
    assertThat(histogram.percentile(0.50, 10_000)).isBetween(4_950L, 5_050L);
    assertThat(histogram.percentile(0.95, 10_000)).isBetween(9_405L, 9_595L);
    assertThat(histogram.percentile(0.99, 10_000)).isBetween(9_801L, 10_000L);
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
  void histograms_survive_encoding_and_merge_like_one_recorded_everything() {
    LatencyHistogram a = new LatencyHistogram();
    LatencyHistogram b = new LatencyHistogram();
    LatencyHistogram both = new LatencyHistogram();
    LongStream.range(0, 500).forEach(i -> { a.record(i); both.record(i); });
    LongStream.range(500, 1000).forEach(i -> { b.record(i * 3); both.record(i * 3); });

    LatencyHistogram merged = LatencyHistogram.decode(a.encode());
    merged.merge(LatencyHistogram.decode(b.encode()));

    assertThat(merged.count()).isEqualTo(1000);
    for (double q : new double[] {0.5, 0.95, 0.99}) {
      assertThat(merged.percentile(q, 2_997)).isEqualTo(both.percentile(q, 2_997));
    }
  }

  @Test
  void a_row_without_a_stored_histogram_reads_as_empty() {
    assertThat(LatencyHistogram.decode(null).count()).isZero();
    assertThat(LatencyHistogram.decode(new byte[0]).count()).isZero();
  }

  @Test
  void absurd_latencies_are_clamped_instead_of_failing() {
    LatencyHistogram histogram = new LatencyHistogram();
    histogram.record(-5);
    histogram.record(Long.MAX_VALUE);
    assertThat(histogram.count()).isEqualTo(2);
  }
}
