package dev.flowgate.billing.metering;

import java.nio.ByteBuffer;
import java.util.zip.DataFormatException;
import org.HdrHistogram.Histogram;
import org.jspecify.annotations.Nullable;

/**
 * Latency distribution of one aggregate row: an HdrHistogram with two significant digits (values
 * read back within 1%), stored compressed per row and merged when rows are added or read together.
 * Latencies above an hour are clamped to an hour; they are failures, not latencies worth resolving.
 */
public final class LatencyHistogram {

  static final long HIGHEST_MS = 3_600_000;
  private static final int SIGNIFICANT_DIGITS = 2;

  private final Histogram histogram;

  public LatencyHistogram() {
    this(new Histogram(HIGHEST_MS, SIGNIFICANT_DIGITS));
  }

  private LatencyHistogram(Histogram histogram) {
    this.histogram = histogram;
  }

  /** Reads a stored histogram; null (a row written before histograms existed) reads as empty. */
  public static LatencyHistogram decode(byte @Nullable [] stored) {
    if (stored == null || stored.length == 0) {
      return new LatencyHistogram();
    }
    try {
      return new LatencyHistogram(Histogram.decodeFromCompressedByteBuffer(ByteBuffer.wrap(stored), HIGHEST_MS));
    } catch (DataFormatException e) {
      throw new IllegalStateException("stored latency histogram is corrupt", e);
    }
  }

  public byte[] encode() {
    ByteBuffer buffer = ByteBuffer.allocate(histogram.getNeededByteBufferCapacity());
    int length = histogram.encodeIntoCompressedByteBuffer(buffer);
    byte[] bytes = new byte[length];
    buffer.flip();
    buffer.get(bytes);
    return bytes;
  }

  public void record(long latencyMs) {
    histogram.recordValue(Math.min(HIGHEST_MS, Math.max(0, latencyMs)));
  }

  public void merge(LatencyHistogram other) {
    histogram.add(other.histogram);
  }

  public long count() {
    return histogram.getTotalCount();
  }

  /**
   * The latency at or below which {@code quantile} of the calls fall, never above {@code maxMs}
   * (the exact maximum kept beside the histogram). Zero when nothing was recorded.
   */
  public long percentile(double quantile, long maxMs) {
    if (count() == 0) {
      return 0;
    }
    return Math.min(histogram.getValueAtPercentile(quantile * 100.0), maxMs);
  }
}
