package dev.flowgate.e2e;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** Reads a service's circuit breaker state from the gateway's Prometheus page (port 8001). */
final class BreakerMetrics {

  private static final String ADMIN = System.getProperty("flowgate.gateway.admin.url", "http://127.0.0.1:8001");
  private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  private BreakerMetrics() {}

  /** 0 closed, 1 open, 2 half-open (the gauge's values); -1 when the service has no breaker yet. */
  static int state(String serviceId) {
    String page;
    try {
      page = HTTP.send(HttpRequest.newBuilder(URI.create(ADMIN + "/metrics")).timeout(Duration.ofSeconds(10)).build(),
          HttpResponse.BodyHandlers.ofString()).body();
    } catch (IOException e) {
      throw new IllegalStateException("gateway metrics unreachable at " + ADMIN, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
    return page.lines()
        .filter(l -> l.startsWith("flowgate_gateway_circuit_breaker_state{") && l.contains("service=\"" + serviceId + "\""))
        .map(l -> (int) Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1)))
        .findFirst().orElse(-1);
  }
}
