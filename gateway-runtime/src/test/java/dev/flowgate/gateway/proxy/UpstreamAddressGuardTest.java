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

  @Test
  void a_host_is_read_as_an_ipv4_literal_exactly_when_it_is_four_dotted_groups_of_one_to_three_digits() {
    java.util.regex.Pattern dottedQuad = java.util.regex.Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
    for (String host : List.of("1.2.3.4", "999.1.1.1", "1.2.3", "1.2.3.4.5", "1..2.3", ".1.2.3", "1.2.3.",
        "1234.1.1.1", "a.b.c.d", "1.2.3.4a", "", "orders.internal", "10.0.0.1x", "0.0.0.0")) {
      assertThat(UpstreamAddressGuard.isLiteral(host)).as(host).isEqualTo(dottedQuad.matcher(host).matches());
    }
    java.util.SplittableRandom random = new java.util.SplittableRandom(7);
    char[] alphabet = "0123456789.a:".toCharArray();
    for (int i = 0; i < 20_000; i++) {
      char[] host = new char[random.nextInt(1, 17)];
      for (int c = 0; c < host.length; c++) {
        host[c] = alphabet[random.nextInt(i % 2 == 0 ? 11 : alphabet.length)];
      }
      String text = new String(host);
      assertThat(UpstreamAddressGuard.isLiteral(text)).as(text)
          .isEqualTo(text.indexOf(':') >= 0 || dottedQuad.matcher(text).matches());
    }
  }
}
