package dev.flowgate.gateway.proxy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.util.List;
import org.junit.jupiter.api.Test;

class UpstreamAddressGuardTest {

  private static boolean permits(List<String> allow, String address) throws Exception {
    return new UpstreamAddressGuard(allow).permits(InetAddress.getByName(address));
  }

  @Test
  void public_addresses_are_permitted() throws Exception {
    assertThat(permits(List.of(), "93.184.216.34")).isTrue();
    assertThat(permits(List.of(), "2606:2800:220:1:248:1893:25c8:1946")).isTrue();
  }

  @Test
  void loopback_private_and_other_internal_addresses_are_refused_by_default() throws Exception {
    for (String internal : List.of("127.0.0.1", "10.1.2.3", "172.16.0.1", "192.168.1.1", "100.64.0.1", "0.0.0.0",
        "::1", "fd00::1", "::ffff:127.0.0.1", "224.0.0.1")) {
      assertThat(permits(List.of(), internal)).as(internal).isFalse();
    }
  }

  @Test
  void the_allow_list_permits_internal_addresses_inside_its_cidrs_only() throws Exception {
    List<String> allow = List.of("127.0.0.0/8", " 10.20.0.0/16 ", "");

    assertThat(permits(allow, "127.0.0.1")).isTrue();
    assertThat(permits(allow, "10.20.30.40")).isTrue();
    assertThat(permits(allow, "10.21.0.1")).isFalse();
    assertThat(permits(allow, "192.168.0.1")).isFalse();
  }

  @Test
  void link_local_cloud_metadata_is_refused_whatever_the_allow_list_says() throws Exception {
    List<String> allowEverything = List.of("0.0.0.0/0", "169.254.0.0/16", "::/0");

    assertThat(permits(allowEverything, "169.254.169.254")).isFalse();
    assertThat(permits(allowEverything, "fe80::1")).isFalse();
    assertThat(permits(allowEverything, "10.0.0.1")).isTrue();
  }

  @Test
  void a_bad_cidr_in_the_allow_list_fails_at_start_up() {
    assertThatThrownBy(() -> new UpstreamAddressGuard(List.of("localhost/8"))).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new UpstreamAddressGuard(List.of("10.0.0.0/33"))).isInstanceOf(IllegalArgumentException.class);
  }
}
