package dev.flowgate.gateway.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.jwk.RSAKey;
import dev.flowgate.contracts.EventCodec;
import dev.flowgate.contracts.config.GatewaySnapshot.Policy;
import dev.flowgate.contracts.config.GatewaySnapshot.RateLimit;
import dev.flowgate.contracts.config.GatewaySnapshot.Service;
import dev.flowgate.contracts.config.GatewaySnapshot.Tenant;
import dev.flowgate.gateway.auth.ApiKeyAuthenticator;
import dev.flowgate.gateway.auth.JwksCache;
import dev.flowgate.gateway.auth.JwtVerifier;
import dev.flowgate.gateway.config.InvalidSnapshotException;
import dev.flowgate.gateway.config.RuntimeConfig;
import dev.flowgate.gateway.problems.Problem;
import dev.flowgate.gateway.problems.ProblemType;
import dev.flowgate.gateway.support.TestJwts;
import dev.flowgate.gateway.support.TestSnapshots;
import dev.flowgate.gateway.support.TestSnapshots.IssuedKey;
import io.vertx.core.MultiMap;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/** Tenant resolution and route rules for bearer JWTs, through the whole pipeline. */
class JwtPipelineTest {

  private final RSAKey signer = TestJwts.rsa("k1");
  private final TestSnapshots snapshots = new TestSnapshots();
  private final Tenant acme = snapshots.tenant("acme");
  private final Tenant globex = snapshots.tenant("globex");
  private final Service orders = snapshots.service(acme, "http://127.0.0.1:9100");
  private final Service shipping = snapshots.service(globex, "http://127.0.0.1:9101");
  private final Pipeline pipeline = Pipeline.standard("gw.example",
      new ApiKeyAuthenticator(TestSnapshots.PEPPER_BYTES, Clock.systemUTC()),
      new JwtVerifier(new JwksCache(uri -> CompletableFuture.completedFuture(TestJwts.jwks(signer)),
          Duration.ofSeconds(30), Duration.ofMinutes(15), System::nanoTime), Clock.systemUTC(), Duration.ofSeconds(30)),
      Long.MAX_VALUE, null, new RateLimit(1000, 60), null);

  JwtPipelineTest() {
    snapshots.route(orders, "orders", "/orders", List.of(TestJwts.jwtPolicy("https://idp.test/jwks")));
    snapshots.route(orders, "legacy", "/legacy");
    snapshots.route(orders, "mixed", "/mixed", List.of(TestJwts.jwtPolicy("https://idp.test/jwks"),
        new Policy("key_auth", EventCodec.mapper().createObjectNode())));
    snapshots.route(shipping, "shipping", "/shipping", List.of(TestJwts.jwtPolicy("https://idp.test/jwks")));
  }

  private final IssuedKey key = snapshots.key(acme, List.of("*"));

  private @Nullable ProblemType run(String host, String path, String token, String... headers) {
    MultiMap map = MultiMap.caseInsensitiveMultiMap().add("Authorization", "Bearer " + token);
    for (int i = 0; i < headers.length; i += 2) {
      map.add(headers[i], headers[i + 1]);
    }
    RuntimeConfig config;
    try {
      config = RuntimeConfig.from(snapshots.build(), 2000, 45000);
    } catch (InvalidSnapshotException e) {
      throw new IllegalStateException(e);
    }
    Exchange exchange =
        new Exchange("req-1", "GET", host, path, null, map, "198.51.100.7", System.nanoTime(), config);
    AtomicReference<Problem> result = new AtomicReference<>();
    AtomicReference<Boolean> done = new AtomicReference<>(false);
    pipeline.run(exchange, problem -> {
      result.set(problem);
      done.set(true);
    });
    assertThat(done.get()).isTrue();
    return result.get() == null ? null : result.get().type();
  }

  private String token(String tenantClaim) {
    return TestJwts.sign(signer, TestJwts.claims(tenantClaim).build());
  }

  @Test
  void a_jwt_naming_its_tenant_by_id_or_slug_reaches_that_tenants_jwt_route() {
    assertThat(run("localhost", "/orders/1", token(acme.id().toString()))).isNull();
    assertThat(run("localhost", "/orders/1", token("acme"))).isNull();
  }

  @Test
  void a_jwt_whose_tenant_differs_from_the_hosts_is_refused_with_403() {
    assertThat(run("acme.gw.example", "/shipping/1", token(globex.id().toString())))
        .isEqualTo(ProblemType.TENANT_MISMATCH);
  }

  @Test
  void a_jwt_whose_tenant_differs_from_x_tenant_id_is_refused_with_403() {
    assertThat(run("localhost", "/orders/1", token(acme.id().toString()), "X-Tenant-ID", "globex"))
        .isEqualTo(ProblemType.TENANT_MISMATCH);
  }

  @Test
  void without_a_tenant_claim_the_hosts_tenant_applies_and_without_a_host_the_jwt_is_refused() {
    String unclaimed = TestJwts.sign(signer, TestJwts.claims("x").claim("tenant_id", null).build());

    assertThat(run("acme.gw.example", "/orders/1", unclaimed)).isNull();
    assertThat(run("localhost", "/orders/1", unclaimed)).isEqualTo(ProblemType.INVALID_CREDENTIAL);
  }

  @Test
  void a_claim_for_another_tenant_cannot_borrow_its_route_the_signature_is_checked_against_that_tenants_jwks() {
    // globex's route trusts the same JWKS here, so the token verifies; it is globex's call, not acme's
    assertThat(run("localhost", "/orders/1", token(globex.id().toString()))).isEqualTo(ProblemType.NO_ROUTE);
  }

  @Test
  void a_route_without_jwt_auth_refuses_jwts() {
    assertThat(run("localhost", "/legacy/1", token(acme.id().toString()))).isEqualTo(ProblemType.INVALID_CREDENTIAL);
  }

  @Test
  void a_jwt_route_refuses_keys_unless_it_lists_key_auth_too() {
    assertThat(run("localhost", "/orders/1", key.secret())).isEqualTo(ProblemType.INVALID_CREDENTIAL);
    assertThat(run("localhost", "/mixed/1", key.secret())).isNull();
    assertThat(run("localhost", "/mixed/1", token(acme.id().toString()))).isNull();
    assertThat(run("localhost", "/legacy/1", key.secret())).isNull();
  }

  @Test
  void a_garbled_bearer_jwt_is_401() {
    assertThat(run("localhost", "/orders/1", "aaa.bbb.ccc")).isEqualTo(ProblemType.INVALID_CREDENTIAL);
  }
}
