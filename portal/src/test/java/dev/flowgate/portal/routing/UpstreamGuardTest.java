package dev.flowgate.portal.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.flowgate.portal.base.problems.InvalidInputException;
import java.net.InetAddress;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class UpstreamGuardTest {

  private static UpstreamGuard guard(String... allowed) {
    Map<String, String> dns = Map.of(
        "api.example.com", "93.184.216.34",
        "rebind.example.com", "10.1.2.3",
        "metadata.example.com", "169.254.169.254");
    return new UpstreamGuard(List.of(allowed), host -> new InetAddress[] {
        InetAddress.getByName(dns.getOrDefault(host, host))});
  }

  @Test
  void public_addresses_are_accepted() {
    assertThat(guard().refusal("https://api.example.com/v1")).isEmpty();
    assertThat(guard().refusal("http://8.8.8.8:8080")).isEmpty();
    assertThat(guard().refusal("https://[2001:4860:4860::8888]/")).isEmpty();
  }

  @Test
  void loopback_is_refused_unless_the_allow_list_covers_it() {
    assertThat(guard().refusal("http://127.0.0.1:9100")).isPresent();
    assertThat(guard().refusal("http://localhost:9100")).isPresent();
    assertThat(guard().refusal("http://[::1]/")).isPresent();
    assertThat(guard("127.0.0.0/8").refusal("http://127.0.0.1:9100")).isEmpty();
  }

  @Test
  void cloud_metadata_is_always_refused_even_when_allowed() {
    assertThat(guard().refusal("http://169.254.169.254/latest/meta-data")).isPresent();
    assertThat(guard("169.254.0.0/16").refusal("http://169.254.169.254/")).isPresent();
    assertThat(guard("0.0.0.0/0").refusal("http://metadata.example.com/")).isPresent();
    assertThat(guard("0.0.0.0/0").refusal("http://[::ffff:169.254.169.254]/")).isPresent();
  }

  @Test
  void private_cgnat_unspecified_and_multicast_ranges_are_refused() {
    for (String url : List.of("http://10.0.0.1", "http://172.16.0.1", "http://172.31.255.255", "http://192.168.1.1",
        "http://100.64.0.1", "http://0.0.0.0", "http://224.0.0.1", "http://rebind.example.com")) {
      assertThat(guard().refusal(url)).as(url).isPresent();
    }
    assertThat(guard().refusal("http://172.32.0.1")).isEmpty();
    assertThat(guard().refusal("http://100.128.0.1")).isEmpty();
  }

  @Test
  void ipv6_internal_ranges_are_refused() {
    for (String url : List.of("http://[fe80::1]/", "http://[fc00::1]/", "http://[fd12:3456::1]/", "http://[ff02::1]/",
        "http://[::]/", "http://[::ffff:10.0.0.1]/", "http://[64:ff9b::7f00:1]/", "http://[64:ff9b::a9fe:a9fe]/")) {
      assertThat(guard().refusal(url)).as(url).isPresent();
    }
  }

  @Test
  void the_allow_list_opens_only_its_own_ranges() {
    UpstreamGuard guard = guard("10.1.0.0/16", "fd00::/8");
    assertThat(guard.refusal("http://10.1.2.3")).isEmpty();
    assertThat(guard.refusal("http://rebind.example.com")).isEmpty();
    assertThat(guard.refusal("http://10.2.0.1")).isPresent();
    assertThat(guard.refusal("http://[fd12::1]/")).isEmpty();
    assertThat(guard.refusal("http://[fc00::1]/")).isPresent();
  }

  @Test
  void only_http_and_https_urls_with_a_host_are_accepted() {
    assertThat(guard().refusal("ftp://api.example.com/")).contains("must be an http or https URL");
    assertThat(guard().refusal("file:///etc/passwd")).isPresent();
    assertThat(guard().refusal("gopher://8.8.8.8")).isPresent();
    assertThat(guard().refusal("http:///nohost")).isPresent();
    assertThat(guard().refusal("not a url")).isPresent();
    assertThat(guard().refusal("http://user:pw@api.example.com/")).isPresent();
  }

  @Test
  void a_refusal_is_a_field_error_on_the_named_field() {
    assertThatThrownBy(() -> guard().check("url", "http://127.0.0.1"))
        .isInstanceOfSatisfying(InvalidInputException.class,
            e -> assertThat(e.errors()).extracting(InvalidInputException.FieldError::field).containsExactly("url"));
  }
}
