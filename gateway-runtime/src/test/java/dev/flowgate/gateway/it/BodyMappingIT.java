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
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code body} mappings of {@code request_transform} and {@code response_transform} on a real
 * gateway in front of a real HTTP upstream, which answers with what it received: the body as
 * bytes, its {@code Content-Length} and its size.
 */
class BodyMappingIT {

  private static final String PADDING = "p".repeat(2000);

  @TempDir static Path stateDir;

  static HttpServer upstream;
  static FakePortal portal;
  static GatewayInstance gateway;
  static IssuedKey key;
  static final HttpClient http = HttpClient.newHttpClient();

  @BeforeAll
  static void start() throws Exception {
    upstream = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    upstream.setExecutor(Executors.newCachedThreadPool());
    upstream.createContext("/", exchange -> {
      try (exchange) {
        answer(exchange);
      }
    });
    upstream.start();
    TestSnapshots snapshots = new TestSnapshots();
    Tenant acme = snapshots.tenant("acme");
    Service api = snapshots.service(acme, "http://127.0.0.1:" + upstream.getAddress().getPort());
    snapshots.route(api, "mapped", "/mapped", List.of(
        policy("request_transform", """
            {"body": {"remove": ["/internal"], "rename": {"/user/mail": "/user/email"}, "add": {"/source": "flowgate"}}}"""),
        policy("response_transform", """
            {"setHeaders": {"X-Mapped": "yes"},
             "body": {"remove": ["/secret"], "rename": {"/user/mail": "/user/email"}, "add": {"/mappedBy": "gateway"}}}""")));
    snapshots.route(api, "plain", "/plain");
    key = snapshots.key(acme, List.of("*"));
    portal = new FakePortal(snapshots.build());
    gateway = GatewayInstance.start(portal.url(), stateDir, Map.of(
        "flowgate.gateway.kafka.enabled", "false",
        "flowgate.gateway.limits.max-transform-bytes", "8192")).awaitReady();
  }

  @AfterAll
  static void stop() {
    gateway.close();
    portal.close();
    upstream.stop(0);
  }


  /**
   * {@code .../echo}: JSON naming what arrived; {@code .../text}: plain text; {@code .../big}: JSON
   * over the transform limit ({@code .../big-chunked} without a length); {@code .../broken}: invalid JSON.
   */
  private static void answer(HttpExchange exchange) throws IOException {
    byte[] received = exchange.getRequestBody().readAllBytes();
    String path = exchange.getRequestURI().getPath();
    String type = "application/json";
    byte[] body;
    if (path.endsWith("/text")) {
      type = "text/plain";
      body = "{\"secret\": \"plain text is never mapped\"}".getBytes(StandardCharsets.UTF_8);
    } else if (path.endsWith("/broken")) {
      body = "{\"secret\": broken".getBytes(StandardCharsets.UTF_8);
    } else {
      ObjectNode answer = EventCodec.mapper().createObjectNode();
      answer.put("secret", "s3cret").putObject("user").put("mail", "a@example.com");
      answer.put("received", new String(received, StandardCharsets.UTF_8));
      answer.put("receivedBytes", received.length);
      answer.put("receivedLength", exchange.getRequestHeaders().getFirst("Content-Length"));
      answer.put("padding", path.contains("/big") ? "x".repeat(10_000) : PADDING);
      body = EventCodec.toBytes(answer);
    }
    exchange.getResponseHeaders().set("Content-Type", type);
    exchange.getResponseHeaders().set("ETag", "\"v1\"");
    exchange.sendResponseHeaders(200, path.endsWith("/big-chunked") ? 0 : body.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(body);
    }
  }

  private static HttpResponse<byte[]> call(HttpRequest.Builder request) {
    try {
      return http.send(request.header("X-API-Key", key.secret()).build(), BodyHandlers.ofByteArray());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static HttpResponse<byte[]> post(String path, String contentType, String body) {
    return call(gateway.request(path).header("Content-Type", contentType).POST(BodyPublishers.ofString(body)));
  }

  private static JsonNode json(HttpResponse<byte[]> response) {
    return EventCodec.mapper().readTree(response.body());
  }

  private static String text(HttpResponse<byte[]> response) {
    return new String(response.body(), StandardCharsets.UTF_8);
  }

  private static void assertLengthMatches(HttpResponse<byte[]> response) {
    assertThat(response.headers().firstValueAsLong("Content-Length")).hasValue(response.body().length);
  }

  @Test
  void a_json_request_body_is_mapped_and_forwarded_with_its_new_length() {
    HttpResponse<byte[]> response = post("/mapped/echo", "application/json; charset=utf-8",
        "{\"user\":{\"mail\":\"b@example.com\"},\"internal\":{\"cost\":3},\"n\":1}");

    JsonNode answer = json(response);
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(EventCodec.mapper().readTree(answer.path("received").asString()))
        .isEqualTo(EventCodec.mapper().readTree("{\"user\":{\"email\":\"b@example.com\"},\"n\":1,\"source\":\"flowgate\"}"));
    assertThat(answer.path("receivedLength").asString()).isEqualTo(String.valueOf(answer.path("receivedBytes").asInt()));
  }

  @Test
  void a_chunked_json_request_body_is_mapped_too() {
    byte[] body = "{\"user\":{\"mail\":\"c@example.com\"}}".getBytes(StandardCharsets.UTF_8);
    HttpResponse<byte[]> response = call(gateway.request("/mapped/echo").header("Content-Type", "application/vnd.api+json")
        .POST(BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body))));

    JsonNode answer = json(response);
    assertThat(answer.path("received").asString()).isEqualTo("{\"user\":{\"email\":\"c@example.com\"},\"source\":\"flowgate\"}");
    assertThat(answer.path("receivedLength").asString()).isEqualTo(String.valueOf(answer.path("receivedBytes").asInt()));
  }

  @Test
  void request_bodies_that_are_not_json_too_large_or_invalid_pass_unchanged() {
    String large = "{\"user\":{\"mail\":\"d@example.com\"},\"pad\":\"" + "y".repeat(9000) + "\"}";

    assertThat(json(post("/mapped/echo", "text/plain", "{\"internal\":1}")).path("received").asString())
        .isEqualTo("{\"internal\":1}");
    assertThat(json(post("/mapped/echo", "application/json", large)).path("received").asString()).isEqualTo(large);
    assertThat(json(post("/mapped/echo", "application/json", "{\"internal\": nope")).path("received").asString())
        .isEqualTo("{\"internal\": nope");
  }

  @Test
  void a_json_response_body_is_mapped_with_a_correct_length_and_no_stale_etag() {
    HttpResponse<byte[]> response = call(gateway.request("/mapped/echo"));

    JsonNode answer = json(response);
    assertThat(answer.has("secret")).isFalse();
    assertThat(answer.path("user").path("email").asString()).isEqualTo("a@example.com");
    assertThat(answer.path("user").has("mail")).isFalse();
    assertThat(answer.path("mappedBy").asString()).isEqualTo("gateway");
    assertThat(response.headers().firstValue("X-Mapped")).contains("yes");
    assertThat(response.headers().firstValue("ETag")).isEmpty();
    assertLengthMatches(response);
  }

  @Test
  void a_mapped_response_is_still_gzipped_for_a_caller_that_accepts_it() throws IOException {
    HttpResponse<byte[]> response = call(gateway.request("/mapped/echo").header("Accept-Encoding", "gzip"));

    assertThat(response.headers().firstValue("Content-Encoding")).contains("gzip");
    JsonNode answer;
    try (GZIPInputStream unzipped = new GZIPInputStream(new ByteArrayInputStream(response.body()))) {
      answer = EventCodec.mapper().readTree(unzipped.readAllBytes());
    }
    assertThat(answer.path("mappedBy").asString()).isEqualTo("gateway");
    assertThat(answer.has("secret")).isFalse();
    // the upstream was asked for an identity answer, so the gateway could read it
    assertThat(answer.path("received").asString()).isEmpty();
  }

  @Test
  void response_bodies_that_are_not_json_too_large_or_invalid_pass_unchanged_and_are_counted() {
    HttpResponse<byte[]> plain = call(gateway.request("/mapped/text"));
    HttpResponse<byte[]> big = call(gateway.request("/mapped/big"));
    HttpResponse<byte[]> chunked = call(gateway.request("/mapped/big-chunked"));
    HttpResponse<byte[]> broken = call(gateway.request("/mapped/broken"));

    assertThat(text(plain)).isEqualTo("{\"secret\": \"plain text is never mapped\"}");
    assertThat(json(big).path("secret").asString()).isEqualTo("s3cret");
    assertThat(json(big).path("padding").asString()).hasSize(10_000);
    assertLengthMatches(big);
    assertThat(json(chunked).path("secret").asString()).isEqualTo("s3cret");
    assertThat(json(chunked).path("padding").asString()).hasSize(10_000);
    assertThat(text(broken)).isEqualTo("{\"secret\": broken");
    assertLengthMatches(broken);
    String metrics = gateway.admin("/metrics").body();
    assertThat(metrics).containsPattern("flowgate_gateway_body_mapping_total\\{direction=\"response\",outcome=\"not_json\"} [1-9]");
    assertThat(metrics).containsPattern("flowgate_gateway_body_mapping_total\\{direction=\"response\",outcome=\"too_large\"} [2-9]");
    assertThat(metrics).containsPattern("flowgate_gateway_body_mapping_total\\{direction=\"response\",outcome=\"invalid_json\"} [1-9]");
  }

  @Test
  void a_route_without_a_body_mapping_passes_bodies_untouched() {
    HttpResponse<byte[]> response = post("/plain/echo", "application/json", "{\"internal\":1,\"user\":{\"mail\":\"e\"}}");

    JsonNode answer = json(response);
    assertThat(answer.path("secret").asString()).isEqualTo("s3cret");
    assertThat(answer.path("user").has("mail")).isTrue();
    assertThat(answer.path("received").asString()).isEqualTo("{\"internal\":1,\"user\":{\"mail\":\"e\"}}");
  }
}
