package dev.flowgate.billing.metering;

import java.util.Arrays;

/**
 * Fixed-bucket latency histogram, stored per hourly aggregate and mergeable by adding counts.
 *
 * <p>Bucket {@code i} counts latencies in {@code [UPPER_BOUNDS_MS[i-1], UPPER_BOUNDS_MS[i])}; the
 * last bucket is open-ended. Bounds grow roughly by a quarter, so a percentile read as the bucket's
 * upper bound (capped by the observed maximum) is within about 25% of the exact value.
 */
public final class LatencyHistogram {

  /** Exclusive upper bounds in milliseconds; one more bucket collects everything above. */
  static final long[] UPPER_BOUNDS_MS = {
    1, 2, 3, 4, 5, 6, 8, 10, 12, 15, 20, 25, 30, 40, 50, 60, 80, 100, 120, 150, 200, 250, 300, 400,
    500, 600, 800, 1_000, 1_200, 1_500, 2_000, 2_500, 3_000, 4_000, 5_000, 6_000, 8_000, 10_000,
    15_000, 20_000, 30_000, 45_000, 60_000, 120_000
  };

  public static final int BUCKETS = UPPER_BOUNDS_MS.length + 1;

  private final long[] counts;

  public LatencyHistogram() {
    this.counts = new long[BUCKETS];
  }

  private LatencyHistogram(long[] counts) {
    this.counts = counts;
  }

  /** Reads stored counts; a shorter array (an older bucket layout) is padded with zeros. */
  public static LatencyHistogram of(long[] stored) {
    return new LatencyHistogram(Arrays.copyOf(stored, Math.max(BUCKETS, stored.length)));
  }

  static int bucketOf(long latencyMs) {
    int idx = Arrays.binarySearch(UPPER_BOUNDS_MS, Math.max(0, latencyMs));
    // an exact hit on an exclusive upper bound belongs to the next bucket
    return idx >= 0 ? idx + 1 : -idx - 1;
  }

  public void record(long latencyMs) {
    counts[bucketOf(latencyMs)]++;
  }

  public void merge(LatencyHistogram other) {
    for (int i = 0; i < other.counts.length; i++) {
      counts[i] += other.counts[i];
    }
  }

  public long count() {
    return Arrays.stream(counts).sum();
  }

  public long[] counts() {
    return counts.clone();
  }

  /**
   * The latency below which {@code quantile} of the calls fall: the upper bound of the bucket that
   * holds the nearest-rank call, never above {@code maxMs}. Zero when nothing was recorded.
   */
  public long percentile(double quantile, long maxMs) {
    long total = count();
    if (total == 0) {
      return 0;
    }
    long rank = Math.max(1, (long) Math.ceil(quantile * total));
    long seen = 0;
    for (int i = 0; i < counts.length; i++) {
      seen += counts[i];
      if (seen >= rank) {
        long upper = i < UPPER_BOUNDS_MS.length ? UPPER_BOUNDS_MS[i] : maxMs;
        return Math.min(upper, maxMs);
      }
    }
    return maxMs;
  }
}
