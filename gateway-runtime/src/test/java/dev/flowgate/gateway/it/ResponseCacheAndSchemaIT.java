package dev.flowgate.gateway.it;

import static dev.flowgate.gateway.support.TestSnapshots.policy;
import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.flowgate.contracts.EventCodec;
import dev.flowgate.contracts.config.GatewaySnapshot.Service;
import dev.flowgate.contracts.config.GatewaySnapshot.Tenant;
import dev.flowgate.gateway.support.FakePortal;
import dev.flowgate.gateway.support.GatewayInstance;
import dev.flowgate.gateway.support.TestSnapshots;
import dev.flowgate.gateway.support.TestSnapshots.IssuedKey;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/** The {@code response_cache} and {@code json_schema_validation} route policies through a real gateway. */
class ResponseCacheAndSchemaIT {

  @TempDir static Path stateDir;

  static HttpServer upstream;
  static final Map<String, AtomicInteger> hits = new ConcurrentHashMap<>();
  static FakePortal portal;
  static GatewayInstance gateway;
  static IssuedKey key;
  static IssuedKey otherKey;

  @BeforeAll
  static void start() throws Exception {
    upstream = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    upstream.setExecutor(Executors.newCachedThreadPool());
    upstream.createContext("/", ResponseCacheAndSchemaIT::answer);
    upstream.start();
    TestSnapshots snapshots = new TestSnapshots();
    Tenant acme = snapshots.tenant("acme");
    Service api = snapshots.service(acme, "http://127.0.0.1:" + upstream.getAddress().getPort());
    snapshots.route(api, "cached", "/cached", List.of(policy("response_cache", "{\"ttlSeconds\":60}")));
    snapshots.route(api, "orders", "/orders", List.of(policy("json_schema_validation", """
        {"schema": {"type": "object", "required": ["sku", "quantity"],
          "properties": {"sku": {"type": "string"}, "quantity": {"type": "integer", "minimum": 1}}}}""")));
    key = snapshots.key(acme, List.of("*"));
    otherKey = snapshots.key(acme, List.of("*"));
    portal = new FakePortal(snapshots.build());
    gateway = GatewayInstance.start(portal.url(), stateDir, Map.of("flowgate.gateway.kafka.enabled", "false"))
        .awaitReady();
  }

  @AfterAll
  static void stop() {
    gateway.close();
    portal.close();
    upstream.stop(0);
  }


  /** Counts hits per path and query; {@code ?cc=...} becomes the answer's Cache-Control. */
  private static void answer(HttpExchange exchange) throws IOException {
    try (exchange) {
      byte[] received = exchange.getRequestBody().readAllBytes();
      String query = exchange.getRequestURI().getRawQuery();
      int hit = hits.computeIfAbsent(id(exchange.getRequestURI().toString()), k -> new AtomicInteger()).incrementAndGet();
      if (query != null && query.startsWith("cc=")) {
        exchange.getResponseHeaders().set("Cache-Control", URLDecoder.decode(query.substring(3), StandardCharsets.UTF_8));
      }
      byte[] body = ("hit " + hit + " body " + new String(received, StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().set("Content-Type", "text/plain");
      exchange.sendResponseHeaders(200, body.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(body);
      }
    }
  }

  /** The last path segment and the query: the same whatever prefix the route strips. */
  private static String id(String uri) {
    int query = uri.indexOf('?');
    String path = query < 0 ? uri : uri.substring(0, query);
    return path.substring(path.lastIndexOf('/') + 1) + (query < 0 ? "" : uri.substring(query));
  }

  private static int upstreamHits(String uri) {
    AtomicInteger count = hits.get(id(uri));
    return count == null ? 0 : count.get();
  }

  @Test
  void a_repeated_get_is_answered_from_the_cache_without_reaching_the_upstream() {
    HttpResponse<String> first = gateway.get("/cached/a?x=1", key.secret());
    HttpResponse<String> second = gateway.get("/cached/a?x=1", key.secret());

    assertThat(first.headers().firstValue("X-Cache")).hasValue("MISS");
    assertThat(second.statusCode()).isEqualTo(200);
    assertThat(second.headers().firstValue("X-Cache")).hasValue("HIT");
    assertThat(second.headers().firstValue("Age")).isPresent();
    assertThat(second.headers().firstValue("X-Request-ID")).isNotEqualTo(first.headers().firstValue("X-Request-ID"));
    assertThat(second.body()).isEqualTo(first.body());
    assertThat(upstreamHits("/cached/a?x=1")).isEqualTo(1);
    assertThat(gateway.admin("/metrics").body()).containsPattern("flowgate_gateway_cache_requests_total\\{result=\"hit\"} [1-9]");
  }

  @Test
  void another_key_or_another_query_is_not_served_from_someone_elses_entry() {
    gateway.get("/cached/b?x=1", key.secret());

    assertThat(gateway.get("/cached/b?x=1", otherKey.secret()).headers().firstValue("X-Cache")).hasValue("MISS");
    assertThat(gateway.get("/cached/b?x=2", key.secret()).headers().firstValue("X-Cache")).hasValue("MISS");
    assertThat(upstreamHits("/cached/b?x=1")).isEqualTo(2);
  }

  @Test
  void an_upstream_saying_no_store_or_private_is_never_cached() {
    for (String cc : List.of("no-store", "private,%20max-age=600")) {
      String uri = "/cached/c" + cc.length() + "?cc=" + cc;
      gateway.get(uri, key.secret());
      HttpResponse<String> again = gateway.get(uri, key.secret());

      assertThat(again.headers().firstValue("X-Cache")).hasValue("MISS");
      assertThat(upstreamHits(uri)).isEqualTo(2);
    }
  }

  @Test
  void an_upstream_max_age_shorter_than_the_policy_ttl_wins() throws InterruptedException {
    String uri = "/cached/d?cc=max-age=1";
    gateway.get(uri, key.secret());
    assertThat(gateway.get(uri, key.secret()).headers().firstValue("X-Cache")).hasValue("HIT");

    Thread.sleep(1500);

    assertThat(gateway.get(uri, key.secret()).headers().firstValue("X-Cache")).hasValue("MISS");
    assertThat(upstreamHits(uri)).isEqualTo(2);
  }

  @Test
  void a_body_matching_the_schema_reaches_the_upstream() {
    HttpResponse<String> response = post("/orders/1", "{\"sku\":\"A-1\",\"quantity\":2}");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).endsWith("body {\"sku\":\"A-1\",\"quantity\":2}");
  }

  @Test
  void a_body_not_matching_the_schema_is_refused_with_the_failing_json_pointer() {
    HttpResponse<String> response = post("/orders/2", "{\"sku\":\"A-1\",\"quantity\":\"two\"}");

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    JsonNode problem = EventCodec.mapper().readTree(response.body());
    assertThat(problem.path("type").asString()).isEqualTo("https://flowgate.dev/problems/request-schema-violation");
    assertThat(problem.path("errors").get(0).path("pointer").asString()).isEqualTo("/quantity");
    assertThat(problem.path("detail").asString()).contains("/quantity");
    assertThat(upstreamHits("/orders/2")).isZero();
  }

  @Test
  void a_body_that_is_not_json_is_refused_at_the_document_root() {
    HttpResponse<String> response = post("/orders/3", "sku=A-1");

    assertThat(response.statusCode()).isEqualTo(400);
    JsonNode problem = EventCodec.mapper().readTree(response.body());
    assertThat(problem.path("errors").get(0).path("pointer").asString()).isEmpty();
    assertThat(upstreamHits("/orders/3")).isZero();
  }

  private static HttpResponse<String> post(String path, String body) {
    return gateway.send(gateway.request(path).header("X-API-Key", key.secret())
        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)));
  }
}
