package dev.flowgate.gateway.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.flowgate.contracts.config.GatewaySnapshot.Service;
import dev.flowgate.contracts.config.GatewaySnapshot.Tenant;
import dev.flowgate.gateway.support.FakePortal;
import dev.flowgate.gateway.support.FakeUpstream;
import dev.flowgate.gateway.support.GatewayInstance;
import dev.flowgate.gateway.support.TestSnapshots;
import dev.flowgate.gateway.support.TestSnapshots.IssuedKey;
import io.opentelemetry.sdk.trace.export.BatchSpanProcessor;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.micrometer.tracing.opentelemetry.autoconfigure.SpanProcessors;

/**
 * With {@code flowgate.tracing.otlp-endpoint} set, spans go out over OTLP/HTTP (protobuf) to that
 * URL, here an in-process receiver; without it the gateway has no exporter at all.
 */
class OtlpExportIT {

  static final String CALLER_TRACE = "6af7651916cd43dd8448eb211c80319c";

  @TempDir static Path stateDir;
  @TempDir static Path quietStateDir;

  static final List<byte[]> exported = new CopyOnWriteArrayList<>();
  static final List<String> contentTypes = new CopyOnWriteArrayList<>();
  static HttpServer collector;
  static FakeUpstream upstream;
  static FakePortal portal;
  static GatewayInstance gateway;
  static GatewayInstance quiet;
  static IssuedKey key;

  @BeforeAll
  static void start() throws Exception {
    collector = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    collector.createContext("/v1/traces", exchange -> {
      try (exchange) {
        contentTypes.add(exchange.getRequestHeaders().getFirst("Content-Type"));
        exported.add(exchange.getRequestBody().readAllBytes());
        exchange.sendResponseHeaders(200, -1);
      }
    });
    collector.start();
    upstream = new FakeUpstream();
    TestSnapshots snapshots = new TestSnapshots();
    Tenant acme = snapshots.tenant("acme");
    Service echo = snapshots.service(acme, upstream.url(), 2000, 1000);
    snapshots.route(echo, "echo", "/echo");
    key = snapshots.key(acme, List.of("*"));
    portal = new FakePortal(snapshots.build());
    Map<String, String> settings = Map.of("flowgate.gateway.kafka.enabled", "false",
        "flowgate.gateway.rate-limits.enabled", "false");
    gateway = GatewayInstance.start(portal.url(), stateDir, merged(settings, Map.of(
        "flowgate.tracing.otlp-endpoint", "http://127.0.0.1:" + collector.getAddress().getPort() + "/v1/traces",
        "management.opentelemetry.tracing.export.schedule-delay", "100ms"))).awaitReady();
    quiet = GatewayInstance.start(portal.url(), quietStateDir, merged(settings, Map.of(
        "flowgate.tracing.otlp-endpoint", ""))).awaitReady();
  }

  private static Map<String, String> merged(Map<String, String> a, Map<String, String> b) {
    Map<String, String> all = new java.util.HashMap<>(a);
    all.putAll(b);
    return all;
  }

  @AfterAll
  static void stop() {
    gateway.close();
    quiet.close();
    portal.close();
    upstream.close();
    collector.stop(0);
  }

  @Test
  void a_calls_span_reaches_the_collector_as_otlp_protobuf() throws Exception {
    gateway.send(gateway.request("/echo").header("X-API-Key", key.secret())
        .header("traceparent", "00-" + CALLER_TRACE + "-00f067aa0ba902b7-01"));

    byte[] traceId = HexFormat.of().parseHex(CALLER_TRACE);
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    while (exported.stream().noneMatch(body -> contains(body, traceId))) {
      assertThat(System.nanoTime()).as("a span of trace %s exported", CALLER_TRACE).isLessThan(deadline);
      Thread.sleep(50);
    }
    assertThat(contentTypes).contains("application/x-protobuf");
  }

  @Test
  void without_an_endpoint_there_is_no_exporter_but_the_trace_still_goes_upstream() {
    assertThat(quiet.context().getBeansOfType(SpanExporter.class)).isEmpty();
    assertThat(quiet.context().getBean(SpanProcessors.class).list()).noneMatch(BatchSpanProcessor.class::isInstance);

    quiet.send(quiet.request("/echo").header("X-API-Key", key.secret()).header("X-Request-ID", "quiet-1")
        .header("traceparent", "00-" + CALLER_TRACE + "-00f067aa0ba902b7-01"));

    assertThat(upstream.received("quiet-1").headers().getFirst("traceparent")).startsWith("00-" + CALLER_TRACE + "-");
  }

  private static boolean contains(byte[] haystack, byte[] needle) {
    outer:
    for (int i = 0; i + needle.length <= haystack.length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (haystack[i + j] != needle[j]) {
          continue outer;
        }
      }
      return true;
    }
    return false;
  }
}
