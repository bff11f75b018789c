package dev.flowgate.gateway.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flowgate.contracts.EventCodec;
import dev.flowgate.contracts.config.GatewaySnapshot.Service;
import dev.flowgate.contracts.config.GatewaySnapshot.Tenant;
import dev.flowgate.gateway.support.FakePortal;
import dev.flowgate.gateway.support.FakeUpstream;
import dev.flowgate.gateway.support.FakeUpstream.Received;
import dev.flowgate.gateway.support.GatewayInstance;
import dev.flowgate.gateway.support.TestSnapshots;
import dev.flowgate.gateway.support.TestSnapshots.IssuedKey;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/** A real gateway in front of a local upstream, configured by a fake portal. */
class GatewayProxyIT {

  @TempDir static Path stateDir;

  static FakeUpstream upstream;
  static FakePortal portal;
  static GatewayInstance gateway;
  static IssuedKey key;
  static IssuedKey scopedKey;
  static Tenant acme;

  @BeforeAll
  static void start() throws Exception {
    upstream = new FakeUpstream();
    TestSnapshots snapshots = new TestSnapshots();
    acme = snapshots.tenant("acme");
    Service echo = snapshots.service(acme, upstream.url() + "/base", 2000, 1000);
    Service down = snapshots.service(acme, "http://127.0.0.1:" + GatewayInstance.freePort());
    Service metadata = snapshots.service(acme, "http://169.254.169.254");
    snapshots.route(echo, "echo", "/echo");
    snapshots.route(echo, "slow", List.of("/slow"), List.of(), List.of(), false);
    snapshots.route(down, "down", "/down");
    snapshots.route(metadata, "metadata", "/metadata");
    key = snapshots.key(acme, List.of("*"));
    scopedKey = snapshots.key(acme, List.of(UUID.randomUUID().toString()));
    portal = new FakePortal(snapshots.build());
    gateway = GatewayInstance.start(portal.url(), stateDir, Map.of("flowgate.gateway.kafka.enabled", "false")).awaitReady();
  }

  @AfterAll
  static void stop() {
    gateway.close();
    portal.close();
    upstream.close();
  }

  private static JsonNode problem(HttpResponse<String> response) {
    assertThat(response.headers().firstValue("Content-Type")).contains("application/problem+json");
    return EventCodec.mapper().readTree(response.body());
  }

  @Test
  void a_valid_key_is_proxied_with_200_and_the_credential_never_reaches_the_upstream() {
    HttpResponse<String> response = gateway.send(gateway.request("/echo/items?page=2")
        .header("X-API-Key", key.secret()).header("X-Request-ID", "it-valid-1"));

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).isEqualTo("upstream saw /base/items?page=2 ");
    assertThat(response.headers().firstValue("X-Request-ID")).contains("it-valid-1");
    assertThat(response.headers().firstValue("X-Tenant-ID")).contains(acme.id().toString());
    assertThat(response.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
    assertThat(response.headers().firstValue("X-Upstream")).contains("yes");
    Received received = upstream.received("it-valid-1");
    assertThat(received.headers().containsKey("X-api-key")).isFalse();
    assertThat(received.headers().getFirst("X-forwarded-for")).isEqualTo("127.0.0.1");
    assertThat(received.headers().getFirst("X-forwarded-proto")).isEqualTo("http");
    // sampled, and (W3C level 2) a random trace id
    assertThat(received.headers().getFirst("Traceparent")).matches("00-[0-9a-f]{32}-[0-9a-f]{16}-03");
  }

  @Test
  void a_bearer_key_is_stripped_and_a_posted_body_streams_through() {
    HttpResponse<String> response = gateway.send(gateway.request("/echo")
        .header("Authorization", "Bearer " + key.secret()).header("X-Request-ID", "it-bearer-1")
        .header("traceparent", "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01")
        .POST(HttpRequest.BodyPublishers.ofString("hello")));

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).isEqualTo("upstream saw /base hello");
    Received received = upstream.received("it-bearer-1");
    assertThat(received.headers().containsKey("Authorization")).isFalse();
    // the caller's trace goes on, with the gateway's span as the upstream's parent
    assertThat(received.headers().getFirst("Traceparent"))
        .matches("00-4bf92f3577b34da6a3ce929d0e0e4736-[0-9a-f]{16}-01")
        .isNotEqualTo("00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01");
  }

  @Test
  void a_bad_key_is_a_401_problem() {
    HttpResponse<String> response = gateway.get("/echo", "fg_live_00000000000000000000000000000000");

    assertThat(response.statusCode()).isEqualTo(401);
    JsonNode body = problem(response);
    assertThat(body.get("type").asString()).isEqualTo("https://flowgate.dev/problems/invalid-credential");
    assertThat(body.get("status").asInt()).isEqualTo(401);
    assertThat(response.headers().firstValue("X-Request-ID")).isPresent();
    assertThat(response.headers().firstValue("X-Tenant-ID")).isEmpty();
  }

  @Test
  void a_missing_key_is_a_401_problem() {
    HttpResponse<String> response = gateway.send(gateway.request("/echo"));

    assertThat(response.statusCode()).isEqualTo(401);
    assertThat(problem(response).get("type").asString()).endsWith("/missing-credential");
  }

  @Test
  void an_unknown_path_is_a_404_problem_naming_the_tenant() {
    HttpResponse<String> response = gateway.get("/nothing-here", key.secret());

    assertThat(response.statusCode()).isEqualTo(404);
    assertThat(problem(response).get("type").asString()).endsWith("/no-route");
    assertThat(response.headers().firstValue("X-Tenant-ID")).contains(acme.id().toString());
  }

  @Test
  void a_key_outside_its_scopes_is_a_403_problem() {
    HttpResponse<String> response = gateway.get("/echo", scopedKey.secret());

    assertThat(response.statusCode()).isEqualTo(403);
    assertThat(problem(response).get("type").asString()).endsWith("/key-not-allowed");
  }

  @Test
  void an_upstream_that_is_down_is_a_502_problem() {
    HttpResponse<String> response = gateway.get("/down", key.secret());

    assertThat(response.statusCode()).isEqualTo(502);
    assertThat(problem(response).get("type").asString()).endsWith("/upstream-unavailable");
  }

  @Test
  void a_slow_upstream_is_a_504_problem_after_the_services_read_timeout() {
    long started = System.nanoTime();
    HttpResponse<String> response = gateway.get("/slow", key.secret());

    assertThat(response.statusCode()).isEqualTo(504);
    assertThat(problem(response).get("type").asString()).endsWith("/upstream-timeout");
    assertThat((System.nanoTime() - started) / 1_000_000).isLessThan(2900);
  }

  @Test
  void an_upstream_at_the_cloud_metadata_address_is_refused_with_502_without_connecting() {
    HttpResponse<String> response = gateway.get("/metadata/latest", key.secret());

    assertThat(response.statusCode()).isEqualTo(502);
    assertThat(problem(response).get("type").asString()).endsWith("/upstream-address-forbidden");
  }

  @Test
  void readiness_is_up_and_metrics_count_calls_by_tenant_route_method_and_status() {
    gateway.get("/echo", key.secret());

    assertThat(gateway.admin("/actuator/health/readiness").statusCode()).isEqualTo(200);
    assertThat(gateway.admin("/actuator/health/liveness").statusCode()).isEqualTo(200);
    String metrics = gateway.admin("/metrics").body();
    assertThat(metrics).contains("http_requests_total{method=\"GET\",route=\"echo\",status=\"200\",tenant=\"acme\"}");
    assertThat(metrics).contains("http_request_duration_seconds_bucket{route=\"echo\",tenant=\"acme\"");
    assertThat(metrics).contains("flowgate_gateway_snapshot_version 1.0");
    assertThat(metrics).contains("flowgate_gateway_snapshot_age_seconds");
  }
}
