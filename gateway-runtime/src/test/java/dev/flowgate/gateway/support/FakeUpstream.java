package dev.flowgate.gateway.support;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;

/**
 * A service behind the gateway. Every request is remembered by its {@code X-Request-ID};
 * {@code /slow/...} answers after 3 s; everything else echoes the path and body.
 */
public final class FakeUpstream implements AutoCloseable {

  /** What reached the upstream. */
  public record Received(String method, String uri, Headers headers, byte[] body) {}

  private final HttpServer server;
  private final Map<String, Received> received = new ConcurrentHashMap<>();

  public FakeUpstream() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.setExecutor(Executors.newCachedThreadPool());
    server.createContext("/", exchange -> {
      try (exchange) {
        byte[] body = exchange.getRequestBody().readAllBytes();
        String requestId = exchange.getRequestHeaders().getFirst("X-Request-ID");
        received.put(requestId == null ? "none" : requestId,
            new Received(exchange.getRequestMethod(), exchange.getRequestURI().toString(), exchange.getRequestHeaders(), body));
        if (exchange.getRequestURI().getPath().contains("/slow")) {
          Thread.sleep(3000);
        }
        byte[] answer = ("upstream saw " + exchange.getRequestURI() + " " + new String(body, StandardCharsets.UTF_8))
            .getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "text/plain");
        exchange.getResponseHeaders().set("Connection", "keep-alive, X-Upstream-Hop");
        exchange.getResponseHeaders().set("X-Upstream-Hop", "secret");
        exchange.getResponseHeaders().set("X-Upstream", "yes");
        exchange.sendResponseHeaders(200, 0);
        try (OutputStream out = exchange.getResponseBody()) {
          out.write(answer);
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    });
    server.start();
  }

  public String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  public Received received(String requestId) {
    return received.get(requestId);
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
