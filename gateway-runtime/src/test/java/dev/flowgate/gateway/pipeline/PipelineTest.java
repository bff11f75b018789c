package dev.flowgate.gateway.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flowgate.contracts.config.GatewaySnapshot.Service;
import dev.flowgate.contracts.config.GatewaySnapshot.Tenant;
import dev.flowgate.gateway.auth.ApiKeyAuthenticator;
import dev.flowgate.gateway.config.RuntimeConfig;
import dev.flowgate.gateway.problems.Problem;
import dev.flowgate.gateway.problems.ProblemType;
import dev.flowgate.gateway.support.TestSnapshots;
import dev.flowgate.gateway.support.TestSnapshots.IssuedKey;
import io.vertx.core.MultiMap;
import java.time.Clock;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

class PipelineTest {

  private final TestSnapshots snapshots = new TestSnapshots();
  private final Tenant acme = snapshots.tenant("acme");
  private final Tenant globex = snapshots.tenant("globex");
  private final Service orders = snapshots.service(acme, "http://127.0.0.1:9100");
  private final IssuedKey acmeKey = snapshots.key(acme, List.of("*"));
  private final Pipeline pipeline =
      Pipeline.standard("gw.example", new ApiKeyAuthenticator(TestSnapshots.PEPPER_BYTES, Clock.systemUTC()));

  PipelineTest() {
    snapshots.route(orders, "orders", "/orders");
  }

  private Exchange exchange(String host, String path, String... headers) throws Exception {
    MultiMap map = MultiMap.caseInsensitiveMultiMap();
    for (int i = 0; i < headers.length; i += 2) {
      map.add(headers[i], headers[i + 1]);
    }
    return new Exchange("req-1", "GET", host, path, null, map, "198.51.100.7", System.nanoTime(),
        RuntimeConfig.from(snapshots.build(), 2000, 45000));
  }

  private @Nullable ProblemType run(Exchange exchange) {
    Problem problem = pipeline.run(exchange);
    return problem == null ? null : problem.type();
  }

  @Test
  void a_valid_key_on_a_known_route_passes_with_tenant_key_and_route_resolved() throws Exception {
    Exchange exchange = exchange("localhost", "/orders/7", "X-API-Key", acmeKey.secret());

    assertThat(run(exchange)).isNull();
    assertThat(exchange.tenant()).isEqualTo(acme);
    assertThat(exchange.key().id()).isEqualTo(acmeKey.key().id());
    assertThat(exchange.match().upstreamPath()).isEqualTo("/7");
  }

  @Test
  void no_credential_is_401_before_anything_else() throws Exception {
    assertThat(run(exchange("localhost", "/nowhere"))).isEqualTo(ProblemType.MISSING_CREDENTIAL);
  }

  @Test
  void a_path_no_route_of_the_tenant_serves_is_404() throws Exception {
    assertThat(run(exchange("localhost", "/invoices", "X-API-Key", acmeKey.secret()))).isEqualTo(ProblemType.NO_ROUTE);
  }

  @Test
  void the_tenant_host_of_the_keys_tenant_is_accepted() throws Exception {
    assertThat(run(exchange("acme.gw.example", "/orders", "X-API-Key", acmeKey.secret()))).isNull();
  }

  @Test
  void another_tenants_host_is_refused_as_a_tenant_mismatch() throws Exception {
    assertThat(run(exchange("globex.gw.example", "/orders", "X-API-Key", acmeKey.secret())))
        .isEqualTo(ProblemType.TENANT_MISMATCH);
  }

  @Test
  void a_host_with_an_unknown_tenant_slug_is_404() throws Exception {
    assertThat(run(exchange("nobody.gw.example", "/orders", "X-API-Key", acmeKey.secret())))
        .isEqualTo(ProblemType.NO_ROUTE);
  }

  @Test
  void an_x_tenant_id_header_must_name_the_keys_tenant_by_id_or_slug() throws Exception {
    assertThat(run(exchange("localhost", "/orders", "X-API-Key", acmeKey.secret(), "X-Tenant-ID", acme.id().toString())))
        .isNull();
    assertThat(run(exchange("localhost", "/orders", "X-API-Key", acmeKey.secret(), "X-Tenant-ID", "acme"))).isNull();
    assertThat(run(exchange("localhost", "/orders", "X-API-Key", acmeKey.secret(), "X-Tenant-ID", globex.id().toString())))
        .isEqualTo(ProblemType.TENANT_MISMATCH);
    assertThat(run(exchange("localhost", "/orders", "X-API-Key", acmeKey.secret(), "X-Tenant-ID", "unknown")))
        .isEqualTo(ProblemType.TENANT_MISMATCH);
  }

  @Test
  void a_suspended_tenants_keys_are_refused_with_403() throws Exception {
    Tenant suspended = snapshots.tenant("sleepy", "suspended");
    IssuedKey key = snapshots.key(suspended, List.of("*"));

    Exchange exchange = exchange("localhost", "/orders", "Authorization", "Bearer " + key.secret());

    assertThat(run(exchange)).isEqualTo(ProblemType.TENANT_SUSPENDED);
    assertThat(exchange.tenant()).isEqualTo(suspended);
  }

  @Test
  void a_key_scoped_to_other_routes_is_refused_with_403() throws Exception {
    IssuedKey scoped = snapshots.key(acme, List.of(java.util.UUID.randomUUID().toString()));

    assertThat(run(exchange("localhost", "/orders", "X-API-Key", scoped.secret()))).isEqualTo(ProblemType.KEY_NOT_ALLOWED);
  }

  @Test
  void dot_segments_are_refused_before_routing() throws Exception {
    assertThat(run(exchange("localhost", "/orders/../admin", "X-API-Key", acmeKey.secret())))
        .isEqualTo(ProblemType.MALFORMED_REQUEST);
    assertThat(run(exchange("localhost", "/orders/%2E%2E/admin", "X-API-Key", acmeKey.secret())))
        .isEqualTo(ProblemType.MALFORMED_REQUEST);
  }

  @Test
  void dot_segments_behind_a_backslash_or_a_path_parameter_are_refused_too() throws Exception {
    for (String path : List.of("/orders/..;/admin", "/orders/.;/x", "/orders/..%3B/admin", "/orders\\..\\admin",
        "/orders/..\\admin")) {
      assertThat(run(exchange("localhost", path, "X-API-Key", acmeKey.secret()))).as(path)
          .isEqualTo(ProblemType.MALFORMED_REQUEST);
    }
    assertThat(run(exchange("localhost", "/orders/a;b=1", "X-API-Key", acmeKey.secret()))).isNull();
  }
}
