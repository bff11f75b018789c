package dev.flowgate.gateway.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.flowgate.gateway.proxy.UpstreamAddressGuard;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The gateway's connect-time SSRF rule. Properties: however a loopback, link-local or unspecified
 * address is spelt, the address it leads to is refused with no allow-list, and link-local also
 * with the local stack's 127.0.0.0/8 allowed; reading a host or an allow-list entry fails only with
 * the documented exceptions (UnknownHostException, IllegalArgumentException). Regression inputs
 * under {@code UpstreamAddressGuardFuzzTestInputs/}; to fuzz, see {@code package-info}.
 */
class UpstreamAddressGuardFuzzTest {

  private static final UpstreamAddressGuard STRICT = new UpstreamAddressGuard(List.of());
  private static final UpstreamAddressGuard LOCAL_STACK = new UpstreamAddressGuard(List.of("127.0.0.0/8"));

  @FuzzTest(maxDuration = "10s")
  void internal_addresses_are_refused_however_they_are_spelt(byte[] input) {
    String host = InternalAddressForms.host(input);
    judge(host.startsWith("[") ? host.substring(1, host.length() - 1) : host);
  }

  @FuzzTest(maxDuration = "10s")
  void any_host_text_is_refused_or_leads_to_an_allowed_address(byte[] input) {
    String text = new String(input, StandardCharsets.UTF_8);
    judge(text);
    try {
      new UpstreamAddressGuard(List.of(text.split(",", -1)));
    } catch (IllegalArgumentException documented) {
      // a bad allow-list entry is refused at start-up
    }
  }

  /** The gateway reads a literal itself and asks the resolver for a name: judge where either leads. */
  private static void judge(String host) {
    InetAddress[] addresses;
    try {
      addresses = UpstreamAddressGuard.isLiteral(host)
          ? new InetAddress[] {UpstreamAddressGuard.ofLiteral(host)}
          : InternalAddressForms.resolve(host);
    } catch (UnknownHostException documented) {
      return; // nothing to connect to
    }
    for (InetAddress address : addresses) {
      if (InternalAddressForms.forbidden(address)) {
        assertThat(STRICT.permits(address)).as("%s (%s) with no allow-list", host, address).isFalse();
      }
      if (InternalAddressForms.linkLocal(address)) {
        assertThat(LOCAL_STACK.permits(address)).as("%s (%s) with 127.0.0.0/8 allowed", host, address).isFalse();
      }
    }
  }
}
