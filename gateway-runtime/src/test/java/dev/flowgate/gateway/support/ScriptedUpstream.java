package dev.flowgate.gateway.support;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.GZIPOutputStream;

/**
 * An upstream whose answers the path chooses, counting hits per path:
 * {@code /status/<code>/...} answers that status; {@code /flaky/<n>/<id>} answers 503 n times,
 * then 200; {@code /sleep/<ms>/...} answers after a delay; {@code /json/<bytes>} a JSON body of
 * that size; {@code /html} a small page; {@code /branded} carries {@code Server} and
 * {@code X-Powered-By}; {@code /count} reads the body and answers its size; {@code /slow-json/<ms>}
 * answers JSON after a delay; {@code /gzipped-json} answers gzip-encoded JSON.
 */
public final class ScriptedUpstream implements AutoCloseable {

  private final HttpServer server;
  private final Map<String, AtomicInteger> hits = new ConcurrentHashMap<>();

  public ScriptedUpstream() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.setExecutor(Executors.newCachedThreadPool());
    server.createContext("/", exchange -> {
      try (exchange) {
        answer(exchange);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    });
    server.start();
  }

  private void answer(HttpExchange exchange) throws IOException, InterruptedException {
    String path = exchange.getRequestURI().getPath();
    int hit = hits.computeIfAbsent(path, p -> new AtomicInteger()).incrementAndGet();
    String[] parts = path.split("/");
    String kind = parts.length > 1 ? parts[1] : "";
    long read = 0;
    try (InputStream in = exchange.getRequestBody()) {
      byte[] buffer = new byte[8192];
      for (int n; (n = in.read(buffer)) > 0; ) {
        read += n;
      }
    }
    switch (kind) {
      case "status" -> send(exchange, Integer.parseInt(parts[2]), "text/plain", "status " + parts[2]);
      case "flaky" -> send(exchange, hit <= Integer.parseInt(parts[2]) ? 503 : 200, "text/plain", "hit " + hit);
      case "sleep" -> {
        Thread.sleep(Long.parseLong(parts[2]));
        send(exchange, 200, "text/plain", "slept");
      }
      case "slow-json" -> {
        Thread.sleep(Long.parseLong(parts[2]));
        send(exchange, 200, "application/json", "{\"email\":\"ann@example.com\"}");
      }
      case "gzipped-json" -> {
        ByteArrayOutputStream zipped = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(zipped)) {
          gzip.write("{\"email\":\"ann@example.com\"}".getBytes(StandardCharsets.UTF_8));
        }
        exchange.getResponseHeaders().set("Content-Encoding", "gzip");
        send(exchange, 200, "application/json", zipped.toByteArray());
      }
      case "json" -> send(exchange, 200, "application/json",
          "{\"data\":\"" + "a".repeat(Math.max(0, Integer.parseInt(parts[2]) - 11)) + "\"}");
      case "html" -> send(exchange, 200, "text/html; charset=utf-8", "<html><body>hi</body></html>");
      case "branded" -> {
        exchange.getResponseHeaders().set("Server", "Apache/2.4.1 (Unix)");
        exchange.getResponseHeaders().set("X-Powered-By", "PHP/5.6");
        send(exchange, 200, "text/plain", "branded");
      }
      case "count" -> send(exchange, 200, "text/plain", Long.toString(read));
      case "trickle" -> trickle(exchange, Integer.parseInt(parts[2]), Long.parseLong(parts[3]));
      default -> send(exchange, 200, "text/plain", "ok " + path);
    }
  }

  private static void send(HttpExchange exchange, int status, String type, String body) throws IOException {
    send(exchange, status, type, body.getBytes(StandardCharsets.UTF_8));
  }

  private static void send(HttpExchange exchange, int status, String type, byte[] bytes) throws IOException {
    exchange.getResponseHeaders().set("Content-Type", type);
    exchange.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  /** A chunked body of {@code chunks} 16 KiB chunks, {@code delayMs} apart; stops when the reader has gone. */
  private static void trickle(HttpExchange exchange, int chunks, long delayMs) throws IOException, InterruptedException {
    exchange.getResponseHeaders().set("Content-Type", "application/octet-stream");
    exchange.sendResponseHeaders(200, 0);
    byte[] chunk = new byte[16 * 1024];
    try (OutputStream out = exchange.getResponseBody()) {
      for (int i = 0; i < chunks; i++) {
        out.write(chunk);
        out.flush();
        Thread.sleep(delayMs);
      }
    }
  }

  public String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  /** Requests that reached this path. */
  public int hits(String path) {
    AtomicInteger count = hits.get(path);
    return count == null ? 0 : count.get();
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
