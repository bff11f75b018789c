package dev.flowgate.gateway.it;

import static dev.flowgate.gateway.support.TestSnapshots.policy;
import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.flowgate.contracts.config.GatewaySnapshot.Service;
import dev.flowgate.contracts.config.GatewaySnapshot.Tenant;
import dev.flowgate.gateway.support.FakePortal;
import dev.flowgate.gateway.support.GatewayInstance;
import dev.flowgate.gateway.support.ScriptedUpstream;
import dev.flowgate.gateway.support.TestSnapshots;
import dev.flowgate.gateway.support.TestSnapshots.IssuedKey;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * Callers that hang up early, and upstream answers the gateway lets go of: a quiet, counted event,
 * never an ERROR log (Vert.x's "Stream reset: 0").
 */
class ClientDisconnectIT {

  private static final Pattern DISCONNECTS = Pattern.compile("(?m)^flowgate_gateway_client_disconnects_total (\\S+)");

  @TempDir static Path stateDir;

  static ScriptedUpstream upstream;
  static FakePortal portal;
  static GatewayInstance gateway;
  static IssuedKey key;

  private final ListAppender<ILoggingEvent> logs = new ListAppender<>();

  @BeforeAll
  static void start() throws Exception {
    upstream = new ScriptedUpstream();
    TestSnapshots snapshots = new TestSnapshots();
    Tenant acme = snapshots.tenant("acme");
    Service api = snapshots.service(acme, upstream.url(), 2000, 45000, 2);
    snapshots.route(api, "plain", "/plain");
    snapshots.route(api, "masked", "/masked", List.of(policy("pii_masking", "{\"fields\":[\"ssn\"]}")));
    snapshots.route(api, "cached", "/cached", List.of(policy("response_cache", "{\"ttlSeconds\":60}")));
    key = snapshots.key(acme, List.of("*"));
    portal = new FakePortal(snapshots.build());
    gateway = GatewayInstance.start(portal.url(), stateDir, Map.of(
        "flowgate.gateway.kafka.enabled", "false",
        "flowgate.gateway.nats.enabled", "false")).awaitReady();
  }

  @AfterAll
  static void stop() {
    gateway.close();
    portal.close();
    upstream.close();
  }


  @BeforeEach
  void watchLogs() {
    logs.start();
    root().addAppender(logs);
  }

  @AfterEach
  void stopWatching() {
    root().detachAppender(logs);
  }

  private static Logger root() {
    return ((LoggerContext) LoggerFactory.getILoggerFactory()).getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
  }

  private List<String> errors() {
    return logs.list.stream()
        .filter(event -> event.getLevel().isGreaterOrEqual(Level.ERROR))
        .map(event -> event.getLoggerName() + ": " + event.getFormattedMessage())
        .toList();
  }

  private static double disconnects() {
    Matcher matcher = DISCONNECTS.matcher(gateway.admin("/metrics").body());
    return matcher.find() ? Double.parseDouble(matcher.group(1)) : 0;
  }

  /** Sends a GET on a raw connection and hangs up before the answer comes. */
  private static void callAndHangUp(String path) throws Exception {
    try (Socket socket = new Socket("127.0.0.1", Integer.parseInt(gateway.proxyUrl().replaceAll(".*:", "")))) {
      OutputStream out = socket.getOutputStream();
      out.write(("GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nX-API-Key: " + key.secret() + "\r\n\r\n")
          .getBytes(StandardCharsets.US_ASCII));
      out.flush();
      Thread.sleep(150);
    }
  }

  private static void awaitHits(String path, int hits) throws InterruptedException {
    long deadline = System.nanoTime() + 5_000_000_000L;
    while (upstream.hits(path) < hits && System.nanoTime() < deadline) {
      Thread.sleep(20);
    }
  }

  @Test
  void a_caller_hanging_up_before_the_upstream_answers_is_counted_and_logs_no_error() throws Exception {
    for (String route : List.of("/plain", "/masked", "/cached")) {
      double before = disconnects();

      callAndHangUp(route + "/slow-json/400" + route);

      awaitHits("/slow-json/400" + route, 1);
      Thread.sleep(600); // the upstream answers a caller who is gone
      assertThat(disconnects()).as(route).isEqualTo(before + 1);
    }
    assertThat(errors()).isEmpty();
    assertThat(gateway.get("/plain/after", key.secret()).statusCode()).isEqualTo(200);
  }

  @Test
  void a_caller_hanging_up_in_the_middle_of_a_streamed_answer_stops_the_relay_without_an_error_log()
      throws Exception {
    double before = disconnects();
    try (Socket socket = new Socket("127.0.0.1", Integer.parseInt(gateway.proxyUrl().replaceAll(".*:", "")))) {
      OutputStream out = socket.getOutputStream();
      out.write(("GET /plain/trickle/40/25/mid-body HTTP/1.1\r\nHost: 127.0.0.1\r\nX-API-Key: " + key.secret()
          + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
      out.flush();
      byte[] buffer = new byte[64 * 1024];
      long read = 0;
      while (read < 48 * 1024) {
        int n = socket.getInputStream().read(buffer);
        assertThat(n).as("the answer streams before it is complete").isPositive();
        read += n;
      }
    }
    Thread.sleep(1_200); // the upstream keeps sending for a while after the caller has gone

    assertThat(disconnects()).isEqualTo(before + 1);
    assertThat(errors()).isEmpty();
    assertThat(gateway.get("/plain/after-trickle", key.secret()).statusCode()).isEqualTo(200);
  }

  @Test
  void a_retried_upstream_answer_is_let_go_without_an_error_log() {
    assertThat(gateway.get("/plain/flaky/1/retried", key.secret()).statusCode()).isEqualTo(200);

    assertThat(upstream.hits("/flaky/1/retried")).isEqualTo(2);
    assertThat(errors()).isEmpty();
  }

  @Test
  void a_compressed_answer_on_a_masked_route_is_withheld_without_an_error_log() {
    double before = disconnects();

    assertThat(gateway.get("/masked/gzipped-json", key.secret()).statusCode()).isEqualTo(502);

    assertThat(errors()).isEmpty();
    assertThat(disconnects()).isEqualTo(before);
  }
}
