package dev.flowgate.gateway.support;

import com.sun.net.httpserver.HttpServer;
import dev.flowgate.contracts.EventCodec;
import dev.flowgate.contracts.config.GatewaySnapshot;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/** The portal's control-plane endpoint, as ARCHITECTURE.md pins it: bearer token, ETag, 304. */
public final class FakePortal implements AutoCloseable {

  public static final String TOKEN = "test-internal-token";

  private final HttpServer server;
  private record Served(long version, byte[] json) {}

  private final AtomicReference<Served> snapshot = new AtomicReference<>();
  private final AtomicInteger fullResponses = new AtomicInteger();

  public FakePortal(GatewaySnapshot initial) throws IOException {
    this(initial, 0);
  }

  public FakePortal(GatewaySnapshot initial, int port) throws IOException {
    publish(initial);
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
    server.createContext("/internal/v1/gateway/snapshot", exchange -> {
      try (exchange) {
        if (!("Bearer " + TOKEN).equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
          exchange.sendResponseHeaders(401, -1);
          return;
        }
        Served current = snapshot.get();
        String etag = "\"" + current.version() + "\"";
        exchange.getResponseHeaders().set("ETag", etag);
        if (etag.equals(exchange.getRequestHeaders().getFirst("If-None-Match"))) {
          exchange.sendResponseHeaders(304, -1);
          return;
        }
        byte[] body = current.json();
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
          out.write(body);
        }
        fullResponses.incrementAndGet();
      }
    });
    server.start();
  }

  public String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  public void publish(GatewaySnapshot next) {
    snapshot.set(new Served(next.version(), EventCodec.toBytes(next)));
  }

  /** Serves any body under a version's ETag, such as a snapshot the gateway must refuse. */
  public void publishRaw(long version, String json) {
    snapshot.set(new Served(version, json.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
  }

  public int fullResponses() {
    return fullResponses.get();
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
