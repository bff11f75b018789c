package dev.flowgate.gateway.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flowgate.contracts.EventCodec;
import dev.flowgate.contracts.config.GatewaySnapshot.Tenant;
import dev.flowgate.gateway.support.FakePortal;
import dev.flowgate.gateway.support.GatewayInstance;
import dev.flowgate.gateway.support.ScriptedUpstream;
import dev.flowgate.gateway.support.TestSnapshots;
import dev.flowgate.gateway.support.TestSnapshots.IssuedKey;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import tools.jackson.databind.JsonNode;

/** Oversized requests as problem details, and what responses lose and gain on the way out. */
class LimitsAndHygieneIT {

  @TempDir static Path stateDir;

  static ScriptedUpstream upstream;
  static FakePortal portal;
  static GatewayInstance gateway;
  static IssuedKey key;

  @BeforeAll
  static void start() throws Exception {
    upstream = new ScriptedUpstream();
    TestSnapshots snapshots = new TestSnapshots();
    Tenant acme = snapshots.tenant("acme");
    snapshots.route(snapshots.service(acme, upstream.url()), "api", "/api");
    key = snapshots.key(acme, List.of("*"));
    portal = new FakePortal(snapshots.build());
    gateway = GatewayInstance.start(portal.url(), stateDir, Map.of(
        "flowgate.gateway.kafka.enabled", "false",
        "flowgate.gateway.nats.enabled", "false",
        "flowgate.gateway.rate-limits.enabled", "false",
        "flowgate.gateway.limits.max-body-bytes", "1000",
        "flowgate.gateway.limits.max-url-length", "1024",
        "flowgate.gateway.limits.max-header-bytes", "4096")).awaitReady();
  }

  @AfterAll
  static void stop() {
    gateway.close();
    portal.close();
    upstream.close();
  }

  private static JsonNode problem(HttpResponse<String> response, int status, String slug) {
    assertThat(response.statusCode()).as(response.version() + " " + response.body()).isEqualTo(status);
    assertThat(response.headers().firstValue("Content-Type")).contains("application/problem+json");
    JsonNode body = EventCodec.mapper().readTree(response.body());
    assertThat(body.get("type").asString()).isEqualTo("https://flowgate.dev/problems/" + slug);
    assertThat(body.get("status").asInt()).isEqualTo(status);
    return body;
  }

  /** A body of unknown length, sent chunked. */
  private static HttpRequest.BodyPublisher chunked(int bytes) {
    return HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(new byte[bytes]));
  }

  private static HttpResponse<String> send(HttpClient.Version version, HttpRequest.Builder request) throws Exception {
    HttpClient client = HttpClient.newBuilder().version(version).connectTimeout(Duration.ofSeconds(2)).build();
    return client.send(request.header("X-API-Key", key.secret()).build(), HttpResponse.BodyHandlers.ofString());
  }

  @ParameterizedTest
  @EnumSource(HttpClient.Version.class)
  void a_declared_body_over_the_limit_is_a_413_problem(HttpClient.Version version) throws Exception {
    HttpResponse<String> response = send(version, gateway.request("/api/count-declared")
        .POST(HttpRequest.BodyPublishers.ofByteArray(new byte[2000])));

    problem(response, 413, "payload-too-large");
    assertThat(upstream.hits("/count-declared")).isZero();
  }

  @ParameterizedTest
  @EnumSource(HttpClient.Version.class)
  void a_chunked_body_is_counted_while_it_streams_and_cut_off_with_413_past_the_limit(HttpClient.Version version)
      throws Exception {
    HttpResponse<String> response = send(version, gateway.request("/api/count-chunked").POST(chunked(200_000)));

    problem(response, 413, "payload-too-large");
  }

  @ParameterizedTest
  @EnumSource(HttpClient.Version.class)
  void a_chunked_body_under_the_limit_streams_through_whole(HttpClient.Version version) throws Exception {
    HttpResponse<String> response = send(version, gateway.request("/api/count").POST(chunked(900)));

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).isEqualTo("900");
  }

  @ParameterizedTest
  @EnumSource(HttpClient.Version.class)
  void a_url_too_long_is_a_414_problem(HttpClient.Version version) throws Exception {
    HttpResponse<String> response = send(version, gateway.request("/api/long?q=" + "a".repeat(2000)));

    problem(response, 414, "uri-too-long");
    assertThat(response.headers().firstValue("X-Request-ID")).isPresent();
  }

  @ParameterizedTest
  @EnumSource(HttpClient.Version.class)
  void headers_too_large_are_a_431_problem(HttpClient.Version version) throws Exception {
    // over HTTP/2 once the connection is upgraded: an oversized upgrade request itself is Vert.x's to parse
    HttpClient client = HttpClient.newBuilder().version(version).build();
    client.send(gateway.request("/api/ok").header("X-API-Key", key.secret()).build(),
        HttpResponse.BodyHandlers.ofString());

    HttpResponse<String> response = client.send(gateway.request("/api/big-headers").header("X-API-Key", key.secret())
        .header("X-Big", "b".repeat(5000)).build(), HttpResponse.BodyHandlers.ofString());

    assertThat(response.version()).isEqualTo(version);
    problem(response, 431, "request-headers-too-large");
  }

  @Test
  void the_upstreams_server_and_powered_by_headers_never_reach_the_caller() {
    HttpResponse<String> response = gateway.get("/api/branded", key.secret());

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Server")).isEmpty();
    assertThat(response.headers().firstValue("X-Powered-By")).isEmpty();
  }

  @Test
  void html_responses_get_a_content_security_policy_and_json_ones_do_not() {
    assertThat(gateway.get("/api/html", key.secret()).headers().firstValue("Content-Security-Policy"))
        .hasValueSatisfying(csp -> assertThat(csp).contains("default-src 'self'"));
    assertThat(gateway.get("/api/json/100", key.secret()).headers().firstValue("Content-Security-Policy")).isEmpty();
  }

  @Test
  void a_large_json_response_is_gzipped_when_the_caller_accepts_it() throws Exception {
    HttpResponse<byte[]> response = HttpClient.newHttpClient().send(
        HttpRequest.newBuilder(URI.create(gateway.proxyUrl() + "/api/json/5000")).timeout(Duration.ofSeconds(10))
            .header("X-API-Key", key.secret()).header("Accept-Encoding", "gzip").build(),
        HttpResponse.BodyHandlers.ofByteArray());

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Encoding")).contains("gzip");
    assertThat(response.headers().allValues("Vary")).anySatisfy(v -> assertThat(v).containsIgnoringCase("accept-encoding"));
    assertThat(response.body().length).isLessThan(1000);
    assertThat(gunzip(response.body())).hasSize(5000).startsWith("{\"data\":\"aaa");
  }

  @Test
  void a_large_json_response_is_brotli_compressed_when_the_caller_accepts_br() throws Exception {
    HttpResponse<byte[]> response = HttpClient.newHttpClient().send(
        HttpRequest.newBuilder(URI.create(gateway.proxyUrl() + "/api/json/5000")).timeout(Duration.ofSeconds(10))
            .header("X-API-Key", key.secret()).header("Accept-Encoding", "gzip, deflate, br").build(),
        HttpResponse.BodyHandlers.ofByteArray());

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Encoding")).contains("br");
    assertThat(response.body().length).isLessThan(1000);
    com.aayushatharva.brotli4j.Brotli4jLoader.ensureAvailability();
    byte[] plain = com.aayushatharva.brotli4j.decoder.Decoder.decompress(response.body()).getDecompressedData();
    assertThat(new String(plain, StandardCharsets.UTF_8)).hasSize(5000).startsWith("{\"data\":\"aaa");
  }

  @Test
  void small_responses_and_callers_that_do_not_accept_gzip_get_plain_bodies() {
    HttpResponse<String> small = gateway.send(gateway.request("/api/json/200")
        .header("X-API-Key", key.secret()).header("Accept-Encoding", "gzip"));
    HttpResponse<String> unaccepted = gateway.get("/api/json/5000", key.secret());

    assertThat(small.headers().firstValue("Content-Encoding")).isEmpty();
    assertThat(small.body()).hasSize(200);
    assertThat(unaccepted.headers().firstValue("Content-Encoding")).isEmpty();
    assertThat(unaccepted.body()).hasSize(5000);
  }

  private static String gunzip(byte[] bytes) throws IOException {
    try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(bytes))) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
