package dev.flowgate.gateway.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flowgate.contracts.config.GatewaySnapshot.Service;
import dev.flowgate.contracts.config.GatewaySnapshot.Tenant;
import dev.flowgate.gateway.support.FakePortal;
import dev.flowgate.gateway.support.FakeUpstream;
import dev.flowgate.gateway.support.GatewayInstance;
import dev.flowgate.gateway.support.TestSnapshots;
import dev.flowgate.gateway.support.TestSnapshots.IssuedKey;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * Gateway log lines name their call: the console pattern prints {@code [traceId,requestId]},
 * filled from the MDC around each line although the call ran on a shared event loop.
 */
@ExtendWith(OutputCaptureExtension.class)
class RequestLogIT {

  @TempDir static Path stateDir;

  static FakeUpstream upstream;
  static FakePortal portal;
  static GatewayInstance gateway;
  static IssuedKey key;

  @BeforeAll
  static void start() throws Exception {
    upstream = new FakeUpstream();
    TestSnapshots snapshots = new TestSnapshots();
    Tenant acme = snapshots.tenant("acme");
    Service live = snapshots.service(acme, upstream.url());
    Service dead = snapshots.service(acme, "http://127.0.0.1:" + GatewayInstance.freePort());
    snapshots.route(live, "live", "/live");
    snapshots.route(dead, "dead", "/dead");
    key = snapshots.key(acme, List.of("*"));
    portal = new FakePortal(snapshots.build());
    gateway = GatewayInstance.start(portal.url(), stateDir, Map.of(
        "flowgate.gateway.kafka.enabled", "false",
        "logging.level.dev.flowgate.gateway.access", "INFO")).awaitReady();
  }

  @AfterAll
  static void stop() {
    gateway.close();
    portal.close();
    upstream.close();
  }

  private static String hex(int bytes) {
    byte[] random = new byte[bytes];
    ThreadLocalRandom.current().nextBytes(random);
    return HexFormat.of().formatHex(random);
  }

  private static HttpResponse<String> call(String path, String requestId, String traceId) {
    return gateway.send(gateway.request(path).header("X-API-Key", key.secret()).header("X-Request-ID", requestId)
        .header("traceparent", "00-" + traceId + "-" + hex(8) + "-01"));
  }

  /** The first captured line containing {@code text}, waiting briefly: lines are written after the answer. */
  private static String lineWith(CapturedOutput output, String text) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
    while (System.nanoTime() < deadline) {
      for (String line : output.getOut().split("\n")) {
        if (line.contains(text)) {
          return line;
        }
      }
      Thread.sleep(20);
    }
    throw new AssertionError("no log line contains " + text);
  }

  @Test
  void a_failing_upstream_call_logs_a_line_with_its_request_and_trace_ids(CapturedOutput output) throws Exception {
    String requestId = "log-it-" + UUID.randomUUID();
    String traceId = hex(16);

    HttpResponse<String> response = call("/dead/orders", requestId, traceId);

    assertThat(response.statusCode()).isEqualTo(502);
    String line = lineWith(output, "answered 502");
    assertThat(line).contains("[" + traceId + "," + requestId + "]");
    assertThat(line).contains("WARN").contains("Request " + requestId + " GET /dead/orders answered 502 upstream-unavailable");
  }

  @Test
  void with_the_access_log_on_every_call_logs_a_line_with_its_own_ids(CapturedOutput output) throws Exception {
    String first = "log-it-" + UUID.randomUUID();
    String second = "log-it-" + UUID.randomUUID();
    String firstTrace = hex(16);
    String secondTrace = hex(16);

    assertThat(call("/live/a", first, firstTrace).statusCode()).isEqualTo(200);
    assertThat(call("/live/b", second, secondTrace).statusCode()).isEqualTo(200);

    assertThat(lineWith(output, "," + first + "]")).contains("[" + firstTrace + ",").contains("GET /live/a 200");
    assertThat(lineWith(output, "," + second + "]")).contains("[" + secondTrace + ",").contains("GET /live/b 200");
  }

  @Test
  void lines_logged_outside_a_call_carry_no_call_ids(CapturedOutput output) {
    assertThat(output.getOut()).containsPattern("Proxy listening on port \\d+");
    assertThat(output.getOut().lines().filter(line -> line.contains("Proxy listening on port")))
        .allSatisfy(line -> assertThat(line).contains("[,]"));
  }
}
