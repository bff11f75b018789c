package dev.flowgate.worker.steps;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;

/**
 * A local HTTP server for step tests: answers each path with scripted responses (the last one
 * repeats; 200 {"ok":true} when none is scripted; a 3xx points to /redirected unless scripted with
 * a location; an answer may be held back a while) and records every request as it arrives.
 */
public final class TestUpstream implements AutoCloseable {

  /** One request as received. */
  public record Received(String method, String path, Map<String, List<String>> headers, String body) {
    public String header(String name) {
      return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
          .map(e -> e.getValue().getFirst()).findFirst().orElse(null);
    }
  }

  private record Scripted(int status, String body, long delayMs, String location) {}

  private final HttpServer server;
  private final Map<String, Deque<Scripted>> scripts = new ConcurrentHashMap<>();
  private final List<Received> received = new CopyOnWriteArrayList<>();

  public TestUpstream() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/", exchange -> {
      String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
      String path = exchange.getRequestURI().getPath();
      received.add(new Received(exchange.getRequestMethod(), path, Map.copyOf(exchange.getRequestHeaders()), body));
      Scripted answer = next(path);
      if (answer.delayMs() > 0) {
        try {
          Thread.sleep(answer.delayMs());
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
      byte[] bytes = answer.body().getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().add("Content-Type", "application/json");
      if (answer.status() / 100 == 3) {
        exchange.getResponseHeaders().add("Location", answer.location() == null ? "/redirected" : answer.location());
      }
      exchange.sendResponseHeaders(answer.status(), bytes.length == 0 ? -1 : bytes.length);
      if (bytes.length > 0) {
        exchange.getResponseBody().write(bytes);
      }
      exchange.close();
    });
    server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
    server.start();
  }

  private synchronized Scripted next(String path) {
    Deque<Scripted> script = scripts.get(path);
    if (script == null || script.isEmpty()) {
      return new Scripted(200, "{\"ok\":true}", 0, null);
    }
    return script.size() == 1 ? script.peek() : script.poll();
  }

  /** Scripts the answers of {@code path}, in order. */
  public synchronized TestUpstream answer(String path, int status, String body) {
    return script(path, new Scripted(status, body, 0, null));
  }

  /** Scripts an answer sent only after {@code delayMs}. */
  public TestUpstream answerAfter(String path, long delayMs, int status, String body) {
    return script(path, new Scripted(status, body, delayMs, null));
  }

  /** Scripts a redirect to {@code location}. */
  public TestUpstream redirect(String path, int status, String location) {
    return script(path, new Scripted(status, "", 0, location));
  }

  private synchronized TestUpstream script(String path, Scripted answer) {
    scripts.computeIfAbsent(path, p -> new ArrayDeque<>()).add(answer);
    return this;
  }

  public String url(String path) {
    return "http://127.0.0.1:" + server.getAddress().getPort() + path;
  }

  public List<Received> received(String path) {
    return received.stream().filter(r -> r.path().equals(path)).toList();
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
