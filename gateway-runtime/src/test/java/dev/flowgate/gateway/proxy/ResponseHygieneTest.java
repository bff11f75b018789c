package dev.flowgate.gateway.proxy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flowgate.gateway.config.GatewayProperties;
import io.vertx.core.MultiMap;
import java.util.List;
import org.junit.jupiter.api.Test;

class ResponseHygieneTest {

  private final ResponseHygiene hygiene = new ResponseHygiene(new GatewayProperties.Response(
      List.of("Server", "X-Powered-By"), "default-src 'self'", true, 1024, 6, 16384));

  private MultiMap copy(String... headers) {
    MultiMap upstream = MultiMap.caseInsensitiveMultiMap();
    for (int i = 0; i < headers.length; i += 2) {
      upstream.add(headers[i], headers[i + 1]);
    }
    MultiMap response = MultiMap.caseInsensitiveMultiMap();
    hygiene.copy(upstream, response);
    return response;
  }

  @Test
  void configured_sensitive_headers_are_dropped_whatever_their_case() {
    MultiMap response = copy("server", "nginx/1.2", "X-POWERED-BY", "Express", "X-Kept", "yes");

    assertThat(response.contains("Server")).isFalse();
    assertThat(response.contains("X-Powered-By")).isFalse();
    assertThat(response.get("X-Kept")).isEqualTo("yes");
  }

  @Test
  void html_gets_the_policy_unless_the_upstream_set_its_own() {
    assertThat(copy("Content-Type", "text/html; charset=utf-8").get("Content-Security-Policy"))
        .isEqualTo("default-src 'self'");
    assertThat(copy("Content-Type", "text/html", "Content-Security-Policy", "default-src 'none'")
        .get("Content-Security-Policy")).isEqualTo("default-src 'none'");
    assertThat(copy("Content-Type", "application/json").contains("Content-Security-Policy")).isFalse();
  }

  @Test
  void only_large_or_unsized_text_like_bodies_are_left_for_gzip() {
    assertThat(copy("Content-Type", "application/json", "Content-Length", "4096").get("Vary"))
        .isEqualTo("Accept-Encoding");
    assertThat(copy("Content-Type", "application/json").contains("Content-Encoding")).isFalse();
    assertThat(copy("Content-Type", "application/json", "Content-Length", "100").get("Content-Encoding"))
        .isEqualTo("identity");
    assertThat(copy("Content-Type", "image/png", "Content-Length", "100000").get("Content-Encoding"))
        .isEqualTo("identity");
    assertThat(copy("Content-Type", "text/plain", "Content-Encoding", "br").get("Content-Encoding")).isEqualTo("br");
  }
}
