package dev.flowgate.gateway.metering;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import net.jpountz.lz4.LZ4Factory;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

class NativeLz4Test {

  /**
   * Loads lz4-java and {@link NativeLz4} in a class loader of their own, as the Boot jar's loader
   * does: there lz4's own lookup, which Kafka's lz4 stream calls, passes over its native build.
   */
  @Test
  void kafkasLz4LookupFindsTheNativeCompressorInsideAnApplicationClassLoader() throws Exception {
    URL[] classpath = {location(NativeLz4.class), location(LZ4Factory.class), location(LoggerFactory.class)};
    try (URLClassLoader loader = new URLClassLoader(classpath, ClassLoader.getPlatformClassLoader())) {
      Method fastest = loader.loadClass(LZ4Factory.class.getName()).getMethod("fastestInstance");
      assertThat(fastest.invoke(null)).as("lz4 before NativeLz4").hasToString("LZ4Factory:JavaSafe");

      Method load = loader.loadClass(NativeLz4.class.getName()).getDeclaredMethod("load");
      load.setAccessible(true);

      assertThat(load.invoke(null)).isEqualTo("LZ4Factory:JNI");
      assertThat(fastest.invoke(null)).hasToString("LZ4Factory:JNI");
    }
  }

  private static URL location(Class<?> type) {
    return type.getProtectionDomain().getCodeSource().getLocation();
  }
}
