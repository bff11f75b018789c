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
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/** Header transforms, PII masking, CORS and IP filters on a real gateway. */
class RoutePoliciesIT {

  @TempDir static Path stateDir;

  static HttpServer upstream;
  static FakePortal portal;
  static GatewayInstance gateway;
  static Tenant acme;
  static IssuedKey key;

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
    acme = snapshots.tenant("acme");
    Service api = snapshots.service(acme, "http://127.0.0.1:" + upstream.getAddress().getPort());
    snapshots.route(api, "transform", "/transform", List.of(
        policy("request_transform", "{\"setHeaders\":{\"X-Added\":\"yes\",\"Host\":\"evil\"},\"removeHeaders\":[\"X-Remove-Me\"]}"),
        policy("response_transform", "{\"setHeaders\":{\"X-Frame-Options\":\"DENY\"},\"removeHeaders\":[\"X-Internal\"]}")));
    snapshots.route(api, "masked", "/masked", List.of(policy("pii_masking", "{\"fields\":[\"ssn\"]}")));
    snapshots.route(api, "cors", "/cors", List.of(policy("cors",
        "{\"allowedOrigins\":[\"https://app.example\"],\"allowedMethods\":[\"GET\",\"POST\"],"
            + "\"allowCredentials\":true,\"maxAgeSeconds\":600}")));
    snapshots.route(api, "blocked", "/blocked", List.of(policy("ip_filter", "{\"deny\":[\"127.0.0.0/8\"]}")));
    snapshots.route(api, "partners", "/partners", List.of(policy("ip_filter", "{\"allow\":[\"203.0.113.0/24\"]}")));
    key = snapshots.key(acme, List.of("*"));
    portal = new FakePortal(snapshots.build());
    gateway = GatewayInstance.start(portal.url(), stateDir, Map.of(
        "flowgate.gateway.kafka.enabled", "false",
        "flowgate.gateway.limits.max-body-bytes", "65536",
        "flowgate.gateway.trusted-proxies", "127.0.0.1/32")).awaitReady();
  }

  @AfterAll
  static void stop() {
    gateway.close();
    portal.close();
    upstream.stop(0);
  }


  /** JSON with personal data and the headers it received; {@code /masked/big} is 100 KB, {@code /masked/gzip} gzipped. */
  private static void answer(HttpExchange exchange) throws IOException {
    exchange.getRequestBody().readAllBytes();
    var received = EventCodec.mapper().createObjectNode();
    exchange.getRequestHeaders().forEach((name, values) -> received.put(name.toLowerCase(), values.getFirst()));
    var body = EventCodec.mapper().createObjectNode();
    body.set("received", received);
    body.putObject("customer").put("email", "jane.doe@example.com").put("ssn", "123-45-6789")
        .put("card", "4111 1111 1111 1111").put("iban", "DE89370400440532013000").put("order", "4111111111111112");
    String path = exchange.getRequestURI().getPath();
    if (path.endsWith("/big")) {
      body.put("padding", "x".repeat(100_000));
    }
    byte[] bytes = EventCodec.toBytes(body);
    exchange.getResponseHeaders().set("Content-Type", "application/json");
    exchange.getResponseHeaders().set("X-Internal", "secret");
    exchange.getResponseHeaders().set("Access-Control-Allow-Origin", "*");
    exchange.getResponseHeaders().set("ETag", "\"v1\"");
    if (path.endsWith("/gzip")) {
      ByteArrayOutputStream zipped = new ByteArrayOutputStream();
      try (GZIPOutputStream gzip = new GZIPOutputStream(zipped)) {
        gzip.write(bytes);
      }
      bytes = zipped.toByteArray();
      exchange.getResponseHeaders().set("Content-Encoding", "gzip");
    }
    exchange.sendResponseHeaders(200, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  private static JsonNode json(HttpResponse<String> response) {
    return EventCodec.mapper().readTree(response.body());
  }

  /** A raw HTTP/1.1 exchange, for a {@code Host} header the JDK client will not send. */
  private static String raw(String request) throws IOException {
    try (Socket socket = new Socket("127.0.0.1", Integer.parseInt(gateway.proxyUrl().replaceAll(".*:", "")))) {
      socket.setSoTimeout(5000);
      socket.getOutputStream().write(request.replace("\n", "\r\n").getBytes(StandardCharsets.US_ASCII));
      InputStream in = socket.getInputStream();
      ByteArrayOutputStream head = new ByteArrayOutputStream();
      while (!head.toString(StandardCharsets.US_ASCII).contains("\r\n\r\n")) {
        int b = in.read();
        if (b < 0) {
          break;
        }
        head.write(b);
      }
      return head.toString(StandardCharsets.US_ASCII).toLowerCase();
    }
  }

  @Test
  void request_transform_sets_and_removes_headers_but_never_the_framing_ones() {
    HttpResponse<String> response = gateway.send(gateway.request("/transform/1")
        .header("X-API-Key", key.secret()).header("X-Remove-Me", "please"));

    JsonNode received = json(response).path("received");
    assertThat(received.path("x-added").asString()).isEqualTo("yes");
    assertThat(received.has("x-remove-me")).isFalse();
    assertThat(received.path("host").asString()).doesNotContain("evil");
  }

  @Test
  void response_transform_sets_and_removes_headers_while_the_gateways_own_stay() {
    HttpResponse<String> response = gateway.get("/transform/1", key.secret());

    assertThat(response.headers().firstValue("X-Frame-Options")).contains("DENY");
    assertThat(response.headers().firstValue("X-Internal")).isEmpty();
    assertThat(response.headers().firstValue("X-Request-ID")).isPresent();
  }

  @Test
  void pii_masking_masks_configured_fields_and_detected_values_in_json_responses() {
    HttpResponse<String> response = gateway.send(gateway.request("/masked/1")
        .header("X-API-Key", key.secret()).header("Accept-Encoding", "gzip"));

    assertThat(response.statusCode()).isEqualTo(200);
    JsonNode customer = json(response).path("customer");
    assertThat(customer.path("ssn").asString()).isEqualTo("****");
    assertThat(customer.path("email").asString()).isEqualTo("j***@example.com");
    assertThat(customer.path("card").asString()).isEqualTo("**** **** **** 1111");
    assertThat(customer.path("iban").asString()).isEqualTo("DE****************3000");
    assertThat(customer.path("order").asString()).isEqualTo("4111111111111112");
    assertThat(json(response).path("received").has("accept-encoding")).isFalse();
    assertThat(response.headers().firstValue("ETag")).isEmpty();
    assertThat(response.body()).doesNotContain("jane.doe");
  }

  @Test
  void a_response_that_cannot_be_masked_is_withheld_not_passed_through() {
    HttpResponse<String> big = gateway.get("/masked/big", key.secret());
    HttpResponse<String> zipped = gateway.get("/masked/gzip", key.secret());

    assertThat(big.statusCode()).isEqualTo(502);
    assertThat(big.body()).contains("upstream-response-unmaskable").doesNotContain("jane.doe");
    assertThat(zipped.statusCode()).isEqualTo(502);
  }

  @Test
  void a_route_without_pii_masking_passes_the_body_untouched() {
    assertThat(gateway.get("/transform/1", key.secret()).body()).contains("jane.doe@example.com");
  }

  @Test
  void a_cors_preflight_is_answered_at_the_gateway_without_a_credential() throws IOException {
    String answer = raw("""
        OPTIONS /cors/items HTTP/1.1
        Host: acme.gw.test
        Origin: https://app.example
        Access-Control-Request-Method: POST
        Access-Control-Request-Headers: content-type, x-api-key
        Connection: close

        """);

    assertThat(answer).startsWith("http/1.1 204");
    assertThat(answer).contains("access-control-allow-origin: https://app.example");
    assertThat(answer).contains("access-control-allow-methods: get, post");
    assertThat(answer).contains("access-control-allow-headers: content-type, x-api-key");
    assertThat(answer).contains("access-control-allow-credentials: true");
    assertThat(answer).contains("access-control-max-age: 600");
  }

  @Test
  void a_preflight_from_a_disallowed_origin_gets_no_cors_headers() throws IOException {
    String answer = raw("""
        OPTIONS /cors/items HTTP/1.1
        Host: acme.gw.test
        Origin: https://evil.example
        Access-Control-Request-Method: POST
        Connection: close

        """);

    assertThat(answer).startsWith("http/1.1 204");
    assertThat(answer).doesNotContain("access-control-allow");
  }

  @Test
  void actual_responses_carry_cors_headers_only_for_an_allowed_origin_and_never_the_upstreams() {
    HttpResponse<String> allowed = gateway.send(gateway.request("/cors/1")
        .header("X-API-Key", key.secret()).header("Origin", "https://app.example"));
    HttpResponse<String> refused = gateway.send(gateway.request("/cors/1")
        .header("X-API-Key", key.secret()).header("Origin", "https://evil.example"));
    HttpResponse<String> problem = gateway.send(gateway.request("/cors/1")
        .header("X-API-Key", "fg_live_notakeynotakeynotakeynotakeyno").header("Origin", "https://app.example"));

    assertThat(allowed.headers().firstValue("Access-Control-Allow-Origin")).contains("https://app.example");
    assertThat(allowed.headers().firstValue("Access-Control-Expose-Headers").orElse("")).contains("RateLimit-Remaining");
    assertThat(refused.statusCode()).isEqualTo(200);
    assertThat(refused.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
    assertThat(problem.statusCode()).isEqualTo(401);
  }

  @Test
  void a_denied_client_address_is_a_403_problem() {
    HttpResponse<String> response = gateway.get("/blocked/1", key.secret());

    assertThat(response.statusCode()).isEqualTo(403);
    assertThat(response.body()).contains("ip-not-allowed");
  }

  @Test
  void behind_a_trusted_proxy_the_forwarded_client_address_is_filtered() {
    HttpResponse<String> partner = gateway.send(gateway.request("/partners/1")
        .header("X-API-Key", key.secret()).header("X-Forwarded-For", "203.0.113.9"));
    HttpResponse<String> outsider = gateway.send(gateway.request("/partners/1")
        .header("X-API-Key", key.secret()).header("X-Forwarded-For", "198.51.100.1"));
    HttpResponse<String> unblocked = gateway.send(gateway.request("/blocked/1")
        .header("X-API-Key", key.secret()).header("X-Forwarded-For", "198.51.100.1"));

    assertThat(partner.statusCode()).isEqualTo(200);
    assertThat(outsider.statusCode()).isEqualTo(403);
    assertThat(unblocked.statusCode()).isEqualTo(200);
  }
}
