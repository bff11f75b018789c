package dev.flowgate.portal.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.flowgate.portal.routing.UpstreamGuard;
import java.lang.reflect.Constructor;
import java.lang.reflect.Proxy;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The portal's SSRF guard on service URLs. Properties: it never throws (a refusal is an answer);
 * with no allow-list it never accepts a URL whose host leads to a loopback, link-local or
 * unspecified address however spelt; with the local stack's allow-list (127.0.0.0/8) it still
 * never accepts link-local (cloud metadata). Regression inputs: {@code UpstreamGuardFuzzTestInputs/}
 * (every family x spelling of {@link InternalAddressForms}, and tricky URLs); to fuzz, see
 * {@code package-info}.
 */
class UpstreamGuardFuzzTest {

  private static final UpstreamGuard STRICT = guard(List.of());
  private static final UpstreamGuard LOCAL_STACK = guard(List.of("127.0.0.0/8"));

  @FuzzTest(maxDuration = "10s")
  void internal_addresses_are_refused_however_they_are_spelt(byte[] input) {
    int decoration = input.length > 5 ? input[5] : 0;
    String url = ((decoration & 1) != 0 ? "HTTPS" : "http") + "://" + InternalAddressForms.host(input)
        + ((decoration & 2) != 0 ? ":8080" : "") + ((decoration & 4) != 0 ? "/orders?q=1" : "");
    judge(url);
  }

  @FuzzTest(maxDuration = "10s")
  void any_text_is_refused_or_leads_to_an_allowed_address(byte[] input) {
    judge(new String(input, StandardCharsets.UTF_8));
  }

  private static void judge(String url) {
    Optional<String> strict = STRICT.refusal(url);
    Optional<String> local = LOCAL_STACK.refusal(url);
    InetAddress[] addresses = whereItLeads(url);
    if (strict.isEmpty()) {
      assertThat(addresses).as("accepted %s", url).isNotNull().noneMatch(InternalAddressForms::forbidden);
    }
    if (local.isEmpty()) {
      assertThat(addresses).as("accepted %s with 127.0.0.0/8 allowed", url).isNotNull()
          .noneMatch(InternalAddressForms::linkLocal);
    }
  }

  /** The addresses an HTTP client would connect to for the URL, or null when it names none. */
  private static InetAddress[] whereItLeads(String url) {
    try {
      String host = new URI(url.strip()).getHost();
      if (host == null) {
        return null;
      }
      return InternalAddressForms.resolve(host.startsWith("[") ? host.substring(1, host.length() - 1) : host);
    } catch (URISyntaxException | UnknownHostException e) {
      return null;
    }
  }

  /** The guard with an allow-list and the OS-like resolver (its constructor for that is package-private). */
  private static UpstreamGuard guard(List<String> allowed) {
    try {
      Class<?> resolverType = Class.forName("dev.flowgate.portal.routing.UpstreamGuard$Resolver");
      Object resolver = Proxy.newProxyInstance(resolverType.getClassLoader(), new Class<?>[] {resolverType},
          (proxy, method, args) -> switch (method.getName()) {
            case "resolve" -> InternalAddressForms.resolve((String) args[0]);
            case "hashCode" -> System.identityHashCode(proxy);
            case "equals" -> proxy == args[0];
            default -> "os-like resolver " + Arrays.toString(args);
          });
      Constructor<UpstreamGuard> constructor = UpstreamGuard.class.getDeclaredConstructor(List.class, resolverType);
      constructor.setAccessible(true);
      return constructor.newInstance(allowed, resolver);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException(e);
    }
  }
}
