package dev.flowgate.worker;

import static org.awaitility.Awaitility.await;

import dev.flowgate.contracts.EventCodec;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.awaitility.core.ConditionTimeoutException;
import tools.jackson.databind.JsonNode;

/**
 * The worker application as a separate JVM ({@code java -cp <the test class path>
 * dev.flowgate.worker.WorkerApplication}), so a test can kill it with SIGKILL and start another.
 * Triggers and schedules are off; the run index is the test database; its log goes to
 * {@code target/worker-processes/}.
 */
public final class WorkerProcess implements AutoCloseable {

  public static final String TOKEN = "worker-process-token";
  public static final String SIGNING_SECRET = "worker-process-signing-secret";

  private final Process process;
  private final int port;
  private final Path log;
  private final HttpClient http = HttpClient.newHttpClient();

  private WorkerProcess(Process process, int port, Path log) {
    this.process = process;
    this.port = port;
    this.log = log;
  }

  /** Starts a worker against {@code temporalTarget} in {@code namespace}; {@code extra} overrides properties. */
  public static WorkerProcess start(String name, String temporalTarget, String namespace, Map<String, String> extra)
      throws IOException {
    int port = freePort();
    Map<String, String> properties = new LinkedHashMap<>();
    properties.put("server.port", String.valueOf(port));
    properties.put("spring.datasource.url",
        System.getenv().getOrDefault("FLOWGATE_TEST_DB_URL", "jdbc:postgresql://127.0.0.1:5432/flowgate_test"));
    properties.put("spring.datasource.hikari.maximum-pool-size", "3");
    properties.put("spring.temporal.connection.target", temporalTarget);
    properties.put("spring.temporal.namespace", namespace);
    properties.put("flowgate.worker.instance-id", name + "-" + UUID.randomUUID());
    properties.put("flowgate.worker.internal-token", TOKEN);
    properties.put("flowgate.worker.triggers.enabled", "false");
    properties.put("flowgate.worker.schedules.enabled", "false");
    properties.put("flowgate.worker.start-retry-interval", "500ms");
    properties.put("flowgate.worker.steps.upstream-allow", "127.0.0.0/8");
    properties.put("flowgate.worker.steps.webhook-signing-secret", SIGNING_SECRET);
    properties.putAll(extra);
    List<String> command = new ArrayList<>(List.of(
        ProcessHandle.current().info().command().orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString()),
        "-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Xshare:auto",
        "--sun-misc-unsafe-memory-access=allow", "--enable-native-access=ALL-UNNAMED",
        "-cp", System.getProperty("java.class.path"), WorkerApplication.class.getName()));
    properties.forEach((key, value) -> command.add("--" + key + "=" + value));
    Path dir = Files.createDirectories(Path.of("target", "worker-processes"));
    Path log = dir.resolve(name + "-" + System.currentTimeMillis() + ".log");
    Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    return new WorkerProcess(process, port, log);
  }

  /** Waits until readiness is UP (Temporal reachable, workers polling). */
  public WorkerProcess awaitReady(Duration atMost) {
    try {
      await().atMost(atMost).pollInterval(Duration.ofMillis(250)).ignoreExceptions().until(() -> {
        if (!process.isAlive()) {
          throw new IllegalStateException("the worker process exited, see " + log.toAbsolutePath());
        }
        return call("GET", "/actuator/health/readiness", null).statusCode() == 200;
      });
    } catch (ConditionTimeoutException e) {
      throw new IllegalStateException("worker not ready in " + atMost + ", see " + log.toAbsolutePath(), e);
    }
    return this;
  }

  /** SIGKILL: no shutdown hook, no graceful stop of pollers or activities. */
  public void kill() throws InterruptedException {
    process.destroyForcibly();
    process.waitFor(10, TimeUnit.SECONDS);
  }

  public HttpResponse<String> call(String method, String path, String json) throws IOException, InterruptedException {
    return call(method, path, json, Map.of());
  }

  public HttpResponse<String> call(String method, String path, String json, Map<String, String> headers)
      throws IOException, InterruptedException {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
        .timeout(Duration.ofSeconds(10))
        .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json))
        .header("Content-Type", "application/json")
        .header("Authorization", "Bearer " + TOKEN);
    headers.forEach(request::header);
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  /** The run as the internal status API shows it. */
  public JsonNode run(UUID tenant, String executionId) throws IOException, InterruptedException {
    return EventCodec.mapper().readTree(call("GET", "/internal/v1/tenants/" + tenant + "/workflow-runs/" + executionId, null).body());
  }

  @Override
  public void close() {
    process.destroyForcibly();
    try {
      process.waitFor(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
