package dev.flowgate.gateway.auth;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.RSAKey;
import dev.flowgate.gateway.support.TestJwts;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class JwksCacheTest {

  private static final URI JWKS = URI.create("https://idp.test/jwks.json");

  private final RSAKey first = TestJwts.rsa("k1");
  private final RSAKey second = TestJwts.rsa("k2");
  private final AtomicReference<String> served = new AtomicReference<>(TestJwts.jwks(first));
  private final AtomicInteger fetches = new AtomicInteger();
  private final AtomicLong now = new AtomicLong(1_000_000_000L);
  private CompletableFuture<String> next;
  private final JwksCache cache = new JwksCache(uri -> {
    fetches.incrementAndGet();
    return next != null ? next : CompletableFuture.completedFuture(served.get());
  }, Duration.ofSeconds(30), Duration.ofMinutes(15), now::get);

  private JwksCache.Lookup find(String kid) {
    JwksCache.Lookup lookup = cache.find(JWKS, kid, JWSAlgorithm.RS256);
    if (lookup.pending() != null) {
      lookup.pending().toCompletableFuture().join();
      return cache.find(JWKS, kid, JWSAlgorithm.RS256);
    }
    return lookup;
  }

  private void advance(Duration duration) {
    now.addAndGet(duration.toNanos());
  }

  @Test
  void the_first_lookup_fetches_and_later_ones_are_served_from_memory() {
    assertThat(find("k1").key()).isNotNull();
    assertThat(find("k1").key()).isNotNull();

    assertThat(fetches).hasValue(1);
  }

  @Test
  void an_unknown_kid_refetches_at_most_once_per_interval() {
    find("k1");
    served.set(TestJwts.jwks(first, second));

    assertThat(find("k2").key()).isNull();
    assertThat(fetches).hasValue(1);

    advance(Duration.ofSeconds(31));
    assertThat(find("k2").key()).isNotNull();
    assertThat(fetches).hasValue(2);

    assertThat(find("k3").key()).isNull();
    assertThat(find("k3").unavailable()).isFalse();
    assertThat(fetches).hasValue(2);
  }

  @Test
  void lookups_during_a_fetch_join_it_instead_of_starting_another() {
    next = new CompletableFuture<>();
    JwksCache.Lookup a = cache.find(JWKS, "k1", JWSAlgorithm.RS256);
    JwksCache.Lookup b = cache.find(JWKS, "k1", JWSAlgorithm.RS256);

    assertThat(a.pending()).isNotNull();
    assertThat(b.pending()).isSameAs(a.pending());
    next.complete(served.get());
    assertThat(cache.find(JWKS, "k1", JWSAlgorithm.RS256).key()).isNotNull();
    assertThat(fetches).hasValue(1);
  }

  @Test
  void a_failed_first_fetch_is_unavailable_and_retried_after_a_few_seconds() {
    next = CompletableFuture.failedFuture(new IllegalStateException("down"));
    JwksCache.Lookup failed = find("k1");
    assertThat(failed.key()).isNull();
    assertThat(failed.unavailable()).isTrue();
    assertThat(find("k1").unavailable()).isTrue();
    assertThat(fetches).hasValue(1);

    next = null;
    advance(Duration.ofSeconds(6));
    assertThat(find("k1").key()).isNotNull();
    assertThat(fetches).hasValue(2);
  }

  @Test
  void a_stale_jwks_keeps_serving_while_it_is_refreshed_in_the_background() {
    find("k1");
    advance(Duration.ofMinutes(16));
    next = new CompletableFuture<>();

    assertThat(cache.find(JWKS, "k1", JWSAlgorithm.RS256).key()).isNotNull();
    assertThat(fetches).hasValue(2);
  }

  @Test
  void a_key_of_another_type_than_the_algorithm_is_not_selected() {
    assertThat(find("k1").key()).isNotNull();
    assertThat(cache.find(JWKS, "k1", JWSAlgorithm.ES256).key()).isNull();
  }
}
