package dev.flowgate.portal;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicReference;

/** Billing's internal usage API, stubbed with the JDK HTTP server; one per test JVM. */
public final class StubBilling {

  static final AtomicReference<URI> lastRequest = new AtomicReference<>();
  static final AtomicReference<String> lastAuthorization = new AtomicReference<>();
  static volatile boolean failing;

  private static HttpServer server;

  private StubBilling() {}

  static synchronized String url() {
    if (server == null) {
      try {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      server.createContext("/internal/v1/usage", exchange -> {
        lastRequest.set(exchange.getRequestURI());
        lastAuthorization.set(exchange.getRequestHeaders().getFirst("Authorization"));
        byte[] body = failing
            ? "{\"status\":500}".getBytes(StandardCharsets.UTF_8)
            : """
                {"tenantId":"t","from":"f","to":"t","granularity":"day","groupBy":"none",
                 "totals":{"calls":42,"errors":3,"serverErrors":1,"requestBytes":100,"responseBytes":200},
                 "series":[]}""".getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(failing ? 500 : 200, body.length);
        exchange.getResponseBody().write(body);
        exchange.close();
      });
      server.start();
    }
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }
}
