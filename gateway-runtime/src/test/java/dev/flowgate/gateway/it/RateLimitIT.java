package dev.flowgate.gateway.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flowgate.contracts.EventCodec;
import dev.flowgate.contracts.config.GatewaySnapshot.RateLimit;
import dev.flowgate.contracts.config.GatewaySnapshot.Service;
import dev.flowgate.contracts.config.GatewaySnapshot.Tenant;
import dev.flowgate.gateway.support.FakePortal;
import dev.flowgate.gateway.support.GatewayInstance;
import dev.flowgate.gateway.support.ScriptedUpstream;
import dev.flowgate.gateway.support.TestSnapshots;
import dev.flowgate.gateway.support.TestSnapshots.IssuedKey;
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

/** Key, route and plan limits through a real gateway synced with the real Redis, and one with Redis down. */
class RateLimitIT {

  @TempDir static Path stateDir;
  @TempDir static Path deadRedisStateDir;

  static ScriptedUpstream upstream;
  static FakePortal portal;
  static GatewayInstance gateway;
  static GatewayInstance withoutRedis;
  static IssuedKey defaultKey;
  static IssuedKey routeKey;
  static IssuedKey threePerMinute;
  static IssuedKey deadRedisKey;
  static IssuedKey planKeyA;
  static IssuedKey planKeyB;

  @BeforeAll
  static void start() throws Exception {
    upstream = new ScriptedUpstream();
    TestSnapshots snapshots = new TestSnapshots();
    Tenant acme = snapshots.tenant("acme");
    Tenant small = snapshots.tenant("small", "active", new RateLimit(3, 60));
    Service acmeService = snapshots.service(acme, upstream.url());
    Service smallService = snapshots.service(small, upstream.url());
    snapshots.route(acmeService, "open", "/open");
    snapshots.route(acmeService, "tight", "/tight", List.of(TestSnapshots.rateLimitPolicy(2, 60)));
    snapshots.route(smallService, "small", "/small");
    defaultKey = snapshots.key(acme, (RateLimit) null);
    routeKey = snapshots.key(acme, (RateLimit) null);
    threePerMinute = snapshots.key(acme, new RateLimit(3, 60));
    deadRedisKey = snapshots.key(acme, new RateLimit(3, 60));
    planKeyA = snapshots.key(small, (RateLimit) null);
    planKeyB = snapshots.key(small, (RateLimit) null);
    portal = new FakePortal(snapshots.build());
    Map<String, String> common = Map.of(
        "flowgate.gateway.kafka.enabled", "false",
        "flowgate.gateway.nats.enabled", "false",
        "flowgate.gateway.rate-limits.key-prefix", "flowgate:rl:it-" + UUID.randomUUID() + ":");
    gateway = GatewayInstance.start(portal.url(), stateDir, common).awaitReady();
    Map<String, String> deadRedis = new java.util.HashMap<>(common);
    deadRedis.put("flowgate.gateway.rate-limits.redis-url", "redis://127.0.0.1:" + GatewayInstance.freePort());
    withoutRedis = GatewayInstance.start(portal.url(), deadRedisStateDir, deadRedis).awaitReady();
  }

  @AfterAll
  static void stop() {
    gateway.close();
    withoutRedis.close();
    portal.close();
    upstream.close();
  }

  private static String header(HttpResponse<String> response, String name) {
    return response.headers().firstValue(name).orElse(null);
  }

  @Test
  void a_key_without_a_limit_of_its_own_gets_1000_a_minute_in_the_rate_limit_headers() {
    HttpResponse<String> response = gateway.get("/open/a", defaultKey.secret());

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(header(response, "RateLimit-Limit")).isEqualTo("1000");
    assertThat(header(response, "RateLimit-Remaining")).isEqualTo("999");
    assertThat(Long.parseLong(header(response, "RateLimit-Reset"))).isBetween(0L, 60L);
    assertThat(header(response, "RateLimit-Policy")).isEqualTo("1000;w=60");
  }

  @Test
  void past_the_keys_limit_calls_get_a_429_problem_with_retry_after() {
    for (int i = 0; i < 3; i++) {
      assertThat(gateway.get("/open/b", threePerMinute.secret()).statusCode()).isEqualTo(200);
    }

    HttpResponse<String> refused = gateway.get("/open/b", threePerMinute.secret());

    assertThat(refused.statusCode()).isEqualTo(429);
    assertThat(header(refused, "Content-Type")).isEqualTo("application/problem+json");
    JsonNode body = EventCodec.mapper().readTree(refused.body());
    assertThat(body.get("type").asString()).isEqualTo("https://flowgate.dev/problems/rate-limited");
    assertThat(Long.parseLong(header(refused, "Retry-After"))).isBetween(1L, 60L);
    assertThat(body.get("retry_after").asLong()).isEqualTo(Long.parseLong(header(refused, "Retry-After")));
    assertThat(header(refused, "RateLimit-Limit")).isEqualTo("3");
    assertThat(header(refused, "RateLimit-Remaining")).isEqualTo("0");
    assertThat(upstream.hits("/b")).isEqualTo(3);
  }

  @Test
  void a_route_policy_tighter_than_the_key_fills_the_headers_and_refuses_first() {
    HttpResponse<String> first = gateway.get("/tight/c", routeKey.secret());
    gateway.get("/tight/c", routeKey.secret());
    HttpResponse<String> third = gateway.get("/tight/c", routeKey.secret());

    assertThat(first.statusCode()).isEqualTo(200);
    assertThat(header(first, "RateLimit-Limit")).isEqualTo("2");
    assertThat(header(first, "RateLimit-Remaining")).isEqualTo("1");
    assertThat(third.statusCode()).isEqualTo(429);
    assertThat(gateway.get("/open/c", routeKey.secret()).statusCode()).isEqualTo(200);
  }

  @Test
  void the_tenants_plan_limit_is_shared_by_all_its_keys() {
    assertThat(gateway.get("/small/d", planKeyA.secret()).statusCode()).isEqualTo(200);
    assertThat(gateway.get("/small/d", planKeyA.secret()).statusCode()).isEqualTo(200);
    assertThat(gateway.get("/small/d", planKeyB.secret()).statusCode()).isEqualTo(200);

    HttpResponse<String> refused = gateway.get("/small/d", planKeyB.secret());

    assertThat(refused.statusCode()).isEqualTo(429);
    assertThat(header(refused, "RateLimit-Limit")).isEqualTo("3");
  }

  @Test
  void with_redis_down_the_gateway_keeps_serving_and_enforcing_limits_never_answering_401_or_5xx() throws Exception {
    Thread.sleep(700);
    for (int i = 0; i < 3; i++) {
      HttpResponse<String> response = withoutRedis.get("/open/e", deadRedisKey.secret());
      assertThat(response.statusCode()).isEqualTo(200);
      assertThat(header(response, "RateLimit-Remaining")).isEqualTo(Integer.toString(2 - i));
    }

    assertThat(withoutRedis.get("/open/e", deadRedisKey.secret()).statusCode()).isEqualTo(429);
    assertThat(withoutRedis.get("/open/e", defaultKey.secret()).statusCode()).isEqualTo(200);
    assertThat(withoutRedis.admin("/metrics").body()).contains("flowgate_gateway_rate_limit_shared 0.0");
    String metrics = gateway.admin("/metrics").body();
    assertThat(metrics).contains("flowgate_gateway_rate_limit_shared 1.0");
    assertThat(metrics).contains("flowgate_gateway_stage_duration_seconds_count{stage=\"rate_limit\"}");
    assertThat(metrics).contains("flowgate_gateway_stage_duration_seconds_count{stage=\"auth\"}");
  }
}
