package dev.flowgate.gateway.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flowgate.contracts.EventCodec;
import dev.flowgate.contracts.config.GatewaySnapshot.Service;
import dev.flowgate.contracts.config.GatewaySnapshot.Tenant;
import dev.flowgate.gateway.support.FakePortal;
import dev.flowgate.gateway.support.GatewayInstance;
import dev.flowgate.gateway.support.ScriptedUpstream;
import dev.flowgate.gateway.support.TestSnapshots;
import dev.flowgate.gateway.support.TestSnapshots.IssuedKey;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/** Retries and per-service circuit breakers against a real upstream; the breaker waits 2 s when open. */
class UpstreamResilienceIT {

  @TempDir static Path stateDir;

  static ScriptedUpstream upstream;
  static FakePortal portal;
  static GatewayInstance gateway;
  static IssuedKey key;
  static Service breaking;
  static Service healthy;
  static Service unhealthy;
  static Service unreachable;

  @BeforeAll
  static void start() throws Exception {
    upstream = new ScriptedUpstream();
    TestSnapshots snapshots = new TestSnapshots();
    Tenant acme = snapshots.tenant("acme");
    snapshots.route(snapshots.service(acme, upstream.url(), 2000, 2000, 3), "retrying", "/retrying");
    snapshots.route(snapshots.service(acme, "http://127.0.0.1:" + GatewayInstance.freePort(), 500, 500, 2), "down",
        "/down");
    breaking = snapshots.service(acme, upstream.url(), 2000, 2000, 0);
    snapshots.route(breaking, "breaking", "/breaking");
    snapshots.route(snapshots.service(acme, upstream.url(), 2000, 2000, 0), "picky", "/picky");
    snapshots.route(snapshots.service(acme, upstream.url(), 2000, 200, 0), "sleepy", "/sleepy");
    healthy = snapshots.service(acme, upstream.url() + "/status", 2000, 2000, 0, "/200/health");
    unhealthy = snapshots.service(acme, upstream.url(), 2000, 2000, 0, "/status/500/health");
    unreachable = snapshots.service(acme, "http://127.0.0.1:" + GatewayInstance.freePort(), 2000, 2000, 0, "/health");
    key = snapshots.key(acme, java.util.List.of("*"));
    portal = new FakePortal(snapshots.build());
    gateway = GatewayInstance.start(portal.url(), stateDir, Map.of(
        "flowgate.gateway.kafka.enabled", "false",
        "flowgate.gateway.nats.enabled", "false",
        "flowgate.gateway.rate-limits.enabled", "false",
        "flowgate.gateway.circuit-breaker.wait-in-open", "2s",
        "flowgate.gateway.upstream.health-check-interval", "300ms")).awaitReady();
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
  void an_idempotent_call_is_retried_after_503s_with_growing_delays() {
    long started = System.nanoTime();
    HttpResponse<String> response = gateway.get("/retrying/flaky/2/get", key.secret());

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(upstream.hits("/flaky/2/get")).isEqualTo(3);
    assertThat((System.nanoTime() - started) / 1_000_000).isGreaterThanOrEqualTo(300);
  }

  @Test
  void retries_stop_at_the_services_count_and_the_last_answer_is_relayed() {
    HttpResponse<String> response = gateway.get("/retrying/flaky/9/many", key.secret());

    assertThat(response.statusCode()).isEqualTo(503);
    assertThat(upstream.hits("/flaky/9/many")).isEqualTo(4);
  }

  @Test
  void a_post_is_never_retried() {
    HttpResponse<String> response = gateway.send(gateway.request("/retrying/flaky/1/post")
        .header("X-API-Key", key.secret()).POST(HttpRequest.BodyPublishers.ofString("order")));

    assertThat(response.statusCode()).isEqualTo(503);
    assertThat(upstream.hits("/flaky/1/post")).isEqualTo(1);
  }

  @Test
  void a_refused_connection_is_retried_before_the_502() {
    long started = System.nanoTime();
    HttpResponse<String> response = gateway.get("/down/x", key.secret());

    assertThat(response.statusCode()).isEqualTo(502);
    assertThat((System.nanoTime() - started) / 1_000_000).isGreaterThanOrEqualTo(300);
  }

  @Test
  void failing_upstream_opens_its_breaker_then_503_with_retry_after_until_probes_close_it() throws Exception {
    for (int i = 0; i < 20; i++) {
      assertThat(gateway.get("/breaking/status/500/fail", key.secret()).statusCode()).isEqualTo(500);
    }

    HttpResponse<String> open = gateway.get("/breaking/status/200/ok", key.secret());

    assertThat(open.statusCode()).isEqualTo(503);
    JsonNode body = problem(open);
    assertThat(body.get("type").asString()).isEqualTo("https://flowgate.dev/problems/upstream-circuit-open");
    assertThat(body.get("retry_after").asInt()).isEqualTo(2);
    assertThat(open.headers().firstValue("Retry-After")).contains("2");
    assertThat(upstream.hits("/status/200/ok")).isZero();
    assertThat(gateway.admin("/metrics").body())
        .contains("flowgate_gateway_circuit_breaker_state{name=\"" + breaking.name() + "\",service=\""
            + breaking.id() + "\"} 1.0");

    Thread.sleep(2100);
    for (int i = 0; i < 5; i++) {
      assertThat(gateway.get("/breaking/status/200/ok", key.secret()).statusCode()).isEqualTo(200);
    }
    assertThat(gateway.get("/breaking/status/200/ok", key.secret()).statusCode()).isEqualTo(200);
    assertThat(gateway.admin("/metrics").body())
        .contains("flowgate_gateway_circuit_breaker_state{name=\"" + breaking.name() + "\",service=\""
            + breaking.id() + "\"} 0.0");
  }

  @Test
  void client_errors_never_open_the_breaker() {
    for (int i = 0; i < 25; i++) {
      assertThat(gateway.get("/picky/status/404/missing", key.secret()).statusCode()).isEqualTo(404);
    }

    assertThat(gateway.get("/picky/ok", key.secret()).statusCode()).isEqualTo(200);
  }

  @Test
  void three_timeouts_in_a_row_open_the_breaker() {
    for (int i = 0; i < 3; i++) {
      assertThat(gateway.get("/sleepy/sleep/1000/t", key.secret()).statusCode()).isEqualTo(504);
    }

    HttpResponse<String> open = gateway.get("/sleepy/ok", key.secret());

    assertThat(open.statusCode()).isEqualTo(503);
    assertThat(problem(open).get("type").asString()).endsWith("/upstream-circuit-open");
  }

  @Test
  void services_with_a_health_check_path_are_probed_and_their_health_exported() throws Exception {
    long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
    String metrics = "";
    while (System.nanoTime() < deadline && !metrics.contains(unreachable.id() + "\"} 0.0")) {
      Thread.sleep(100);
      metrics = gateway.admin("/metrics").body();
    }

    assertThat(metrics).contains(upMetric(healthy) + " 1.0", upMetric(unhealthy) + " 0.0", upMetric(unreachable) + " 0.0");
    assertThat(upstream.hits("/status/200/health")).isPositive();
  }

  private static String upMetric(Service service) {
    return "flowgate_gateway_upstream_up{name=\"" + service.name() + "\",service=\"" + service.id() + "\"}";
  }
}
