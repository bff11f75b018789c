package dev.flowgate.portal;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The gateway's proxy port as the try-it console sees it, stubbed with the JDK HTTP server; one
 * per test JVM. It answers 200 with rate-limit headers, except {@code /sample/redirect} (a 302 to
 * the cloud metadata address, which the console must not follow), and records the last request.
 */
public final class StubGateway {

  /** What the gateway received last. */
  public record Received(String method, String pathAndQuery, Map<String, List<String>> headers, String body) {
    public String header(String name) {
      return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name)).map(e -> e.getValue().get(0))
          .findFirst().orElse(null);
    }
  }

  public static final AtomicReference<Received> last = new AtomicReference<>();
  private static HttpServer server;

  private StubGateway() {}

  public static synchronized String url() {
    if (server == null) {
      try {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      server.createContext("/", StubGateway::handle);
      server.start();
    }
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  private static void handle(HttpExchange exchange) throws IOException {
    String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
    String target = exchange.getRequestURI().getRawPath()
        + (exchange.getRequestURI().getRawQuery() == null ? "" : "?" + exchange.getRequestURI().getRawQuery());
    last.set(new Received(exchange.getRequestMethod(), target, new TreeMap<>(exchange.getRequestHeaders()), body));
    if (exchange.getRequestURI().getPath().equals("/sample/redirect")) {
      exchange.getResponseHeaders().add("Location", "http://169.254.169.254/latest/meta-data/");
      exchange.sendResponseHeaders(302, -1);
      exchange.close();
      return;
    }
    byte[] answer = ("{\"method\":\"" + exchange.getRequestMethod() + "\",\"path\":\"" + exchange.getRequestURI().getPath() + "\"}")
        .getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().add("Content-Type", "application/json");
    exchange.getResponseHeaders().add("X-Request-ID", "stub-request-1");
    exchange.getResponseHeaders().add("RateLimit-Limit", "100");
    exchange.getResponseHeaders().add("RateLimit-Remaining", "99");
    exchange.getResponseHeaders().add("RateLimit-Reset", "60");
    exchange.sendResponseHeaders(200, answer.length);
    exchange.getResponseBody().write(answer);
    exchange.close();
  }
}
