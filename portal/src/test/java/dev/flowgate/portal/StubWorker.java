package dev.flowgate.portal;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.flowgate.contracts.EventCodec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import tools.jackson.databind.JsonNode;

/** The worker's internal run API, stubbed with the JDK HTTP server; one per test JVM. */
public final class StubWorker {

  /** Started runs by execution id, as the portal sent them. */
  public static final Map<String, JsonNode> runs = new ConcurrentHashMap<>();
  /** {@code executionId/name: payload} of every signal received, then {@code [actor-id role]}. */
  public static final List<String> signals = new CopyOnWriteArrayList<>();
  /** A run status JSON to answer for an execution id, instead of a plain RUNNING. */
  public static final Map<String, String> statuses = new ConcurrentHashMap<>();
  /** Schedules by {@code tenantId/workflowId/scheduleId}, with the body the portal sent. */
  public static final Map<String, JsonNode> schedules = new ConcurrentHashMap<>();
  /** Retries by the retry's execution id: {@code {retryOf, definition}} as the portal sent them. */
  public static final Map<String, JsonNode> retries = new ConcurrentHashMap<>();
  /** The query string of the last run list asked for. */
  public static volatile String lastRunsQuery = "";
  public static volatile boolean failing;

  private static HttpServer server;

  private StubWorker() {}

  static synchronized String url() {
    if (server == null) {
      try {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      server.createContext("/internal/v1/", StubWorker::handle);
      server.start();
    }
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  private static void handle(HttpExchange exchange) throws IOException {
    String path = exchange.getRequestURI().getPath();
    String[] parts = path.split("/");
    byte[] body = exchange.getRequestBody().readAllBytes();
    if (failing) {
      respond(exchange, 500, "{\"status\":500}");
    } else if (path.equals("/internal/v1/workflow-runs")) {
      JsonNode run = EventCodec.mapper().readTree(body);
      runs.putIfAbsent(run.path("executionId").asString(), run);
      respond(exchange, 202, "{\"executionId\":\"" + run.path("executionId").asString() + "\"}");
    } else if (parts.length == 9 && parts[5].equals("workflows") && parts[7].equals("schedules")) {
      String key = parts[4] + "/" + parts[6] + "/" + parts[8];
      if (exchange.getRequestMethod().equals("PUT")) {
        schedules.put(key, EventCodec.mapper().readTree(body));
        respond(exchange, 200, EventCodec.toJson(Map.of("scheduleId", parts[8])));
      } else if (exchange.getRequestMethod().equals("DELETE") && schedules.remove(key) != null) {
        respond(exchange, 204, "");
      } else {
        respond(exchange, 404, "{\"status\":404}");
      }
    } else if (parts.length >= 8 && parts[5].equals("workflows") && parts[7].equals("runs")) {
      lastRunsQuery = String.valueOf(exchange.getRequestURI().getQuery());
      var items = runs.values().stream()
          .filter(r -> r.path("tenantId").asString().equals(parts[4]) && r.path("workflowId").asString().equals(parts[6]))
          .map(r -> Map.of("executionId", r.path("executionId").asString(), "status", "RUNNING"))
          .toList();
      respond(exchange, 200, EventCodec.toJson(Map.of("items", items, "page", 0, "size", 20, "total", items.size())));
    } else if (parts.length >= 7 && parts[5].equals("workflow-runs")) {
      JsonNode run = runs.get(parts[6]);
      if (run == null || !run.path("tenantId").asString().equals(parts[4])) {
        respond(exchange, 404, "{\"type\":\"https://flowgate.dev/problems/not-found\",\"status\":404}");
      } else if (parts.length == 9 && parts[7].equals("signals")) {
        signals.add(parts[6] + "/" + parts[8] + ": " + new String(body, java.nio.charset.StandardCharsets.UTF_8)
            + " [" + exchange.getRequestHeaders().getFirst("Flowgate-Actor-Id") + " "
            + exchange.getRequestHeaders().getFirst("Flowgate-Actor-Role") + "]");
        respond(exchange, 202, "");
      } else if (parts.length == 8 && parts[7].equals("cancel")) {
        respond(exchange, 202, "");
      } else if (parts.length == 8 && parts[7].equals("retry")) {
        JsonNode retry = EventCodec.mapper().readTree(body);
        retries.put(retry.path("executionId").asString(), EventCodec.mapper().valueToTree(
            Map.of("retryOf", parts[6], "definition", retry.path("definition"))));
        respond(exchange, 202, "{\"executionId\":\"" + retry.path("executionId").asString() + "\"}");
      } else {
        respond(exchange, 200, statuses.getOrDefault(parts[6],
            "{\"status\":\"RUNNING\",\"currentStep\":\"call\",\"progress\":0,\"steps\":[]}"));
      }
    } else {
      respond(exchange, 404, "{\"status\":404}");
    }
  }

  private static void respond(HttpExchange exchange, int status, String json) throws IOException {
    byte[] bytes = json.getBytes(java.nio.charset.StandardCharsets.UTF_8);
    exchange.getResponseHeaders().add("Content-Type", status >= 400 ? "application/problem+json" : "application/json");
    exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
    if (bytes.length > 0) {
      exchange.getResponseBody().write(bytes);
    }
    exchange.close();
  }
}
