package dev.flowgate.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * An API consumer's view of the running gateway: a tenant publishes the demo upstream through the
 * management API, and a consumer calls it with the issued key and meets each error as a problem.
 */
class ApiConsumerJourneyIT {

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final Duration TEN_SECONDS = Duration.ofSeconds(10);
  private static final Stack STACK = Stack.fromSystemProperties();
  private static final String UPSTREAM = System.getProperty("flowgate.demo.upstream", "http://127.0.0.1:9100");

  private static ManagementApi tenant;
  private static GatewayClient gateway;
  private static String prefix;
  private static String key;
  private static String routeId;

  @BeforeAll
  static void publishAnApi() {
    String suffix = UUID.randomUUID().toString().substring(0, 8);
    tenant = ManagementApi.signUp(STACK.portalUrl(), "Consumer " + suffix, "consumer-" + suffix + "@example.com",
        "a long enough passphrase");
    JsonNode service = tenant.post("/api/v1/services", Map.of("name", "echo", "url", UPSTREAM));
    prefix = "/consumer-" + suffix;
    routeId = tenant.post("/api/v1/routes", Map.of("name", "echo", "serviceId", service.path("id").asString(),
        "paths", List.of(prefix), "methods", List.of(), "hosts", List.of(), "stripPath", true)).path("id").asString();
    key = tenant.post("/api/v1/keys", Map.of("name", "consumer")).path("secret").asString();
    gateway = new GatewayClient(STACK.gatewayUrl());
  }

  @Test
  void aCallWithTheKeyReachesTheUpstreamWithoutTheCredential() {
    HttpResponse<String> response = Eventually.poll(() -> gateway.get(prefix + "/orders?page=2", key), r -> r.statusCode() == 200, TEN_SECONDS);

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("X-Request-ID")).isPresent();
    assertThat(response.headers().firstValue("X-Tenant-ID")).isPresent();
    JsonNode echoed = JSON.readTree(response.body());
    assertThat(echoed.path("path").asString()).isEqualTo("/orders");
    assertThat(response.body()).doesNotContain(key);
  }

  @Test
  void aMissingOrUnknownKeyMeetsA401Problem() {
    HttpResponse<String> noKey = gateway.get(prefix + "/orders", null);
    HttpResponse<String> badKey = gateway.get(prefix + "/orders", "fg_live_" + "0".repeat(32));

    for (HttpResponse<String> response : List.of(noKey, badKey)) {
      assertThat(response.statusCode()).isEqualTo(401);
      assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
      assertThat(JSON.readTree(response.body()).path("type").asString()).startsWith("https://flowgate.dev/problems/");
      assertThat(response.headers().firstValue("X-Request-ID")).isPresent();
    }
  }

  @Test
  void aPathNoRouteServesMeetsA404Problem() {
    HttpResponse<String> response = Eventually.poll(() -> gateway.get("/nowhere-" + UUID.randomUUID(), key), r -> r.statusCode() != 401, TEN_SECONDS);

    assertThat(response.statusCode()).isEqualTo(404);
    assertThat(JSON.readTree(response.body()).path("status").asInt()).isEqualTo(404);
  }

  @Test
  void aRevokedKeyIsRefusedWithinTwoSeconds() {
    JsonNode issued = tenant.post("/api/v1/keys", Map.of("name", "to revoke"));
    String secret = issued.path("secret").asString();
    Eventually.poll(() -> gateway.get(prefix + "/ping", secret), r -> r.statusCode() == 200, TEN_SECONDS);

    tenant.delete("/api/v1/keys/" + issued.path("id").asString());
    Instant revoked = Instant.now();
    HttpResponse<String> response = Eventually.poll(() -> gateway.get(prefix + "/ping", secret), r -> r.statusCode() == 401, TEN_SECONDS);

    assertThat(response.statusCode()).isEqualTo(401);
    assertThat(Duration.between(revoked, Instant.now())).isLessThan(Duration.ofSeconds(2));
  }

  @Test
  void aKeyScopedToAnotherRouteMeetsA403Problem() {
    JsonNode other = tenant.post("/api/v1/routes", Map.of("name", "other", "serviceId",
        tenant.get("/api/v1/routes/" + routeId).path("serviceId").asString(),
        "paths", List.of(prefix + "-other"), "methods", List.of(), "hosts", List.of(), "stripPath", true));
    String scoped = tenant.post("/api/v1/keys", Map.of("name", "scoped", "scopes", List.of(other.path("id").asString())))
        .path("secret").asString();

    HttpResponse<String> allowed = Eventually.poll(() -> gateway.get(prefix + "-other/ping", scoped), r -> r.statusCode() == 200, TEN_SECONDS);
    HttpResponse<String> refused = gateway.get(prefix + "/ping", scoped);

    assertThat(allowed.statusCode()).isEqualTo(200);
    assertProblem(refused, 403);
  }

  @Test
  void aRequestNamingAnotherTenantMeetsA403Problem() {
    Eventually.poll(() -> gateway.get(prefix + "/ping", key), r -> r.statusCode() == 200, TEN_SECONDS);

    HttpResponse<String> response = gateway.get(prefix + "/ping", key, Map.of("X-Tenant-ID", UUID.randomUUID().toString()));

    assertProblem(response, 403);
  }

  @Test
  void aKeyOverItsLimitMeetsA429ProblemWithRetryAfterAndRateLimitHeaders() {
    String limited = tenant.post("/api/v1/keys", Map.of("name", "limited", "rateLimit", Map.of("limit", 3, "windowSeconds", 60)))
        .path("secret").asString();
    HttpResponse<String> first = Eventually.poll(() -> gateway.get(prefix + "/ping", limited), r -> r.statusCode() == 200, TEN_SECONDS);
    assertThat(first.headers().firstValue("RateLimit-Limit")).hasValue("3");
    assertThat(first.headers().firstValue("RateLimit-Remaining")).isPresent();
    assertThat(first.headers().firstValue("RateLimit-Reset")).isPresent();

    HttpResponse<String> response = first;
    for (int i = 0; i < 5 && response.statusCode() != 429; i++) {
      response = gateway.get(prefix + "/ping", limited);
    }

    assertProblem(response, 429);
    assertThat(response.headers().firstValue("Retry-After")).hasValueSatisfying(seconds -> assertThat(Long.parseLong(seconds)).isPositive());
    assertThat(response.headers().firstValue("RateLimit-Remaining")).hasValue("0");
  }

  private static void assertProblem(HttpResponse<String> response, int status) {
    assertThat(response.statusCode()).isEqualTo(status);
    assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
    JsonNode problem = JSON.readTree(response.body());
    assertThat(problem.path("type").asString()).startsWith("https://flowgate.dev/problems/");
    assertThat(problem.path("status").asInt()).isEqualTo(status);
    assertThat(response.headers().firstValue("X-Request-ID")).isPresent();
  }
}
