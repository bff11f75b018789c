package dev.flowgate.gateway.support;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.net.spi.InetAddressResolver;
import java.net.spi.InetAddressResolverProvider;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.stream.Stream;

/**
 * The JDK's resolver for the test JVM (registered in META-INF/services), recording every blocking
 * name lookup before the built-in resolver answers it; {@value #CANARY} answers 192.0.2.1 so a
 * test can check that the recorder is in place.
 */
public final class RecordingResolverProvider extends InetAddressResolverProvider {

  public static final String CANARY = "flowgate-recorder.test";

  private static final Queue<String> LOOKUPS = new ConcurrentLinkedQueue<>();

  /** Host names looked up through the JDK so far, in order. */
  public static List<String> lookups() {
    return List.copyOf(LOOKUPS);
  }

  @Override
  public InetAddressResolver get(Configuration configuration) {
    InetAddressResolver builtin = configuration.builtinResolver();
    return new InetAddressResolver() {
      @Override
      public Stream<InetAddress> lookupByName(String host, LookupPolicy policy) throws UnknownHostException {
        LOOKUPS.add(host);
        if (host.equals(CANARY)) {
          return Stream.of(InetAddress.getByAddress(host, new byte[] {(byte) 192, 0, 2, 1}));
        }
        return builtin.lookupByName(host, policy);
      }

      @Override
      public String lookupByAddress(byte[] address) throws UnknownHostException {
        return builtin.lookupByAddress(address);
      }
    };
  }

  @Override
  public String name() {
    return "flowgate-recording";
  }
}
