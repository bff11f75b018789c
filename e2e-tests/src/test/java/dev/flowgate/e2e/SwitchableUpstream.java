package dev.flowgate.e2e;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An upstream of the test's own on 127.0.0.1 that answers 200, or a chosen 5xx to every call
 * while failing: a storm the test starts and heals. Counts the calls that reached it.
 */
final class SwitchableUpstream implements AutoCloseable {

  private final HttpServer server;
  private final AtomicInteger hits = new AtomicInteger();
  private volatile int failWith;

  SwitchableUpstream() {
    try {
      server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    server.createContext("/", exchange -> {
      hits.incrementAndGet();
      int status = failWith == 0 ? 200 : failWith;
      byte[] body = (status == 200 ? "{\"ok\":true}" : "{\"error\":\"storm\"}").getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().set("Content-Type", "application/json");
      exchange.sendResponseHeaders(status, body.length);
      exchange.getResponseBody().write(body);
      exchange.close();
    });
    server.start();
  }

  String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  void failWith(int status) {
    failWith = status;
  }

  void heal() {
    failWith = 0;
  }

  int hits() {
    return hits.get();
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
