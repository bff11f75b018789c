package dev.flowgate.gateway.metering;

import net.jpountz.lz4.LZ4Factory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Lets Kafka compress {@code api.calls} batches with lz4's JNI build. lz4-java's
 * {@code LZ4Factory.fastestInstance()}, which Kafka's lz4 stream calls, tries the native library
 * only when the system class loader loaded lz4-java or the library is already loaded; inside a
 * Spring Boot jar neither holds, so every batch went through the pure-Java compressor, the sender
 * thread's largest cost. Loading the library once, before the producer's first batch, makes Kafka's
 * lookup find it. Where it cannot load (another platform, native access denied), the Java
 * compressor stays, as before.
 */
final class NativeLz4 {

  private static final Logger log = LoggerFactory.getLogger(NativeLz4.class);

  private NativeLz4() {}

  /** The implementation Kafka's lz4 stream will use from now on: {@code JNI} or a Java one. */
  static String load() {
    try {
      LZ4Factory.nativeInstance();
    } catch (Throwable e) { // UnsatisfiedLinkError, an ExceptionInInitializerError around it, ...
      log.info("lz4's native library did not load ({}); api.calls batches are compressed in Java", e.toString());
    }
    return LZ4Factory.fastestInstance().toString();
  }
}
