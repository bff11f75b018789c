package dev.flowgate.worker.steps;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import org.junit.jupiter.api.Test;

class UpstreamGuardTest {

  private static InetAddress ip(String literal) throws Exception {
    return InetAddress.getByName(literal);
  }

  @Test
  void loopback_private_and_reserved_addresses_are_refused_by_default() throws Exception {
    UpstreamGuard guard = UpstreamGuard.of("");
    assertThat(guard.refusal(ip("127.0.0.1"))).contains("loopback");
    assertThat(guard.refusal(ip("::1"))).contains("loopback");
    assertThat(guard.refusal(ip("10.1.2.3"))).contains("private");
    assertThat(guard.refusal(ip("192.168.0.10"))).contains("private");
    assertThat(guard.refusal(ip("172.20.0.1"))).contains("private");
    assertThat(guard.refusal(ip("fd12::1"))).contains("unique local");
    assertThat(guard.refusal(ip("0.0.0.0"))).isNotNull();
    assertThat(guard.refusal(ip("100.64.0.1"))).isNotNull();
  }

  @Test
  void public_addresses_pass() throws Exception {
    UpstreamGuard guard = UpstreamGuard.of("");
    assertThat(guard.refusal(ip("93.184.216.34"))).isNull();
    assertThat(guard.refusal(ip("2606:4700::1111"))).isNull();
  }

  @Test
  void the_allow_list_lets_internal_ranges_through() throws Exception {
    UpstreamGuard guard = UpstreamGuard.of("127.0.0.0/8, 10.0.0.0/16");
    assertThat(guard.refusal(ip("127.0.0.1"))).isNull();
    assertThat(guard.refusal(ip("10.0.9.9"))).isNull();
    assertThat(guard.refusal(ip("10.1.0.1"))).contains("private");
  }

  @Test
  void link_local_metadata_is_refused_even_when_everything_is_allowed() throws Exception {
    UpstreamGuard guard = UpstreamGuard.of("0.0.0.0/0, ::/0");
    assertThat(guard.refusal(ip("169.254.169.254"))).contains("never allowed");
    assertThat(guard.refusal(ip("fe80::1"))).contains("never allowed");
    assertThat(guard.refusal(ip("::ffff:169.254.169.254"))).contains("never allowed");
  }

  @Test
  void ipv4_mapped_ipv6_addresses_are_judged_as_ipv4() throws Exception {
    assertThat(UpstreamGuard.of("").refusal(ip("::ffff:127.0.0.1"))).contains("loopback");
  }

  @Test
  void resolving_a_refused_host_fails_with_the_reason() {
    assertThatThrownBy(() -> UpstreamGuard.of("").resolve("localhost"))
        .isInstanceOf(UpstreamGuard.UpstreamRefusedException.class)
        .hasMessageContaining("loopback")
        .hasMessageContaining("FLOWGATE_UPSTREAM_ALLOW");
  }

  @Test
  void a_malformed_allow_list_is_refused_at_start_up() {
    assertThatThrownBy(() -> UpstreamGuard.of("localhost/8")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> UpstreamGuard.of("10.0.0.0/33")).isInstanceOf(IllegalArgumentException.class);
  }
}
