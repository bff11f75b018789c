package dev.flowgate.gateway.policies;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flowgate.gateway.proxy.UpstreamAddressGuard.Cidr;
import java.net.InetAddress;
import java.util.List;
import org.junit.jupiter.api.Test;

class IpFilterTest {

  private static final List<Cidr> PROXIES = List.of(Cidr.parse("10.0.0.0/8"));

  private static InetAddress ip(String literal) throws Exception {
    return InetAddress.getByName(literal);
  }

  private static IpFilter filter(List<String> allow, List<String> deny) {
    return new IpFilter(allow.stream().map(Cidr::parse).toList(), deny.stream().map(Cidr::parse).toList());
  }

  @Test
  void deny_wins_and_an_allow_list_admits_only_its_blocks() throws Exception {
    IpFilter filter = filter(List.of("203.0.113.0/24", "2001:db8::/32"), List.of("203.0.113.66"));

    assertThat(filter.permits(ip("203.0.113.5"))).isTrue();
    assertThat(filter.permits(ip("2001:db8::1"))).isTrue();
    assertThat(filter.permits(ip("203.0.113.66"))).isFalse();
    assertThat(filter.permits(ip("198.51.100.1"))).isFalse();
  }

  @Test
  void a_deny_only_filter_admits_everyone_else() throws Exception {
    IpFilter filter = filter(List.of(), List.of("198.51.100.0/24"));

    assertThat(filter.permits(ip("198.51.100.200"))).isFalse();
    assertThat(filter.permits(ip("192.0.2.1"))).isTrue();
  }

  @Test
  void forwarded_for_is_ignored_unless_the_peer_is_a_trusted_proxy() throws Exception {
    assertThat(IpFilter.client("198.51.100.7", "203.0.113.5", PROXIES)).isEqualTo(ip("198.51.100.7"));
    assertThat(IpFilter.client("198.51.100.7", "203.0.113.5", List.of())).isEqualTo(ip("198.51.100.7"));
  }

  @Test
  void behind_trusted_proxies_the_right_most_untrusted_hop_is_the_client() throws Exception {
    assertThat(IpFilter.client("10.0.0.2", "1.2.3.4, 203.0.113.5, 10.0.0.9", PROXIES)).isEqualTo(ip("203.0.113.5"));
  }

  @Test
  void a_garbled_forwarded_for_falls_back_to_the_last_good_hop() throws Exception {
    assertThat(IpFilter.client("10.0.0.2", "evil.example", PROXIES)).isEqualTo(ip("10.0.0.2"));
  }
}
