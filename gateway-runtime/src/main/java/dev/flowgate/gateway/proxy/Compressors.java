package dev.flowgate.gateway.proxy;

import io.netty.handler.codec.compression.Brotli;
import io.netty.handler.codec.compression.BrotliMode;
import io.netty.handler.codec.compression.CompressionOptions;
import io.netty.handler.codec.compression.StandardCompressionOptions;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.LoggerFactory;

/**
 * The encodings the proxy offers: brotli when its native library loads (Netty prefers it when a
 * caller accepts {@code br} as much as gzip), then gzip and deflate at the configured level.
 */
final class Compressors {

  /** Brotli quality 4: near gzip -6 in CPU per byte, smaller output; 11 would cost ~50x the CPU. */
  private static final int BROTLI_QUALITY = 4;

  private static final boolean BROTLI = brotliAvailable();

  private Compressors() {}

  static List<CompressionOptions> forLevel(int level) {
    List<CompressionOptions> compressors = new ArrayList<>();
    if (BROTLI) {
      compressors.add(StandardCompressionOptions.brotli(BROTLI_QUALITY, 22, BrotliMode.TEXT));
    }
    compressors.add(StandardCompressionOptions.gzip(level, 15, 8));
    compressors.add(StandardCompressionOptions.deflate(level, 15, 8));
    return List.copyOf(compressors);
  }

  private static boolean brotliAvailable() {
    try {
      Brotli.ensureAvailability();
      return true;
    } catch (Throwable e) {
      LoggerFactory.getLogger(Compressors.class).warn("Brotli unavailable, offering gzip only: {}", e.toString());
      return false;
    }
  }
}
