package dev.flowgate.gateway.proxy;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.MultiMap;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class ResponseCacheTest {

  private static final Duration POLICY = Duration.ofSeconds(60);

  private static MultiMap headers(String... namesAndValues) {
    MultiMap headers = MultiMap.caseInsensitiveMultiMap();
    for (int i = 0; i < namesAndValues.length; i += 2) {
      headers.add(namesAndValues[i], namesAndValues[i + 1]);
    }
    return headers;
  }

  @Test
  void without_cache_control_the_policy_ttl_applies() {
    assertThat(ResponseCache.ttl(POLICY, headers())).isEqualTo(POLICY);
  }

  @Test
  void a_shorter_max_age_wins_and_s_maxage_wins_over_max_age() {
    assertThat(ResponseCache.ttl(POLICY, headers("Cache-Control", "public, max-age=5"))).hasSeconds(5);
    assertThat(ResponseCache.ttl(POLICY, headers("Cache-Control", "max-age=5, s-maxage=20"))).hasSeconds(20);
    assertThat(ResponseCache.ttl(POLICY, headers("Cache-Control", "max-age=600"))).isEqualTo(POLICY);
  }

  @Test
  void no_store_private_no_cache_zero_age_cookies_and_varying_answers_are_not_kept() {
    assertThat(ResponseCache.ttl(POLICY, headers("Cache-Control", "no-store"))).isNull();
    assertThat(ResponseCache.ttl(POLICY, headers("Cache-Control", "Private, max-age=60"))).isNull();
    assertThat(ResponseCache.ttl(POLICY, headers("Cache-Control", "no-cache"))).isNull();
    assertThat(ResponseCache.ttl(POLICY, headers("Cache-Control", "max-age=0"))).isNull();
    assertThat(ResponseCache.ttl(POLICY, headers("Set-Cookie", "session=1"))).isNull();
    assertThat(ResponseCache.ttl(POLICY, headers("Vary", "Authorization"))).isNull();
    assertThat(ResponseCache.ttl(POLICY, headers("Vary", "Accept-Encoding, Origin"))).isEqualTo(POLICY);
  }
}
