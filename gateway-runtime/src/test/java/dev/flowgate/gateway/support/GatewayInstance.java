package dev.flowgate.gateway.support;

import dev.flowgate.gateway.GatewayApplication;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/** A real gateway (Spring context, Vert.x proxy) on free ports, configured like production. */
public final class GatewayInstance implements AutoCloseable {

  private final ConfigurableApplicationContext context;
  private final int proxyPort;
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  private GatewayInstance(ConfigurableApplicationContext context, int proxyPort) {
    this.context = context;
    this.proxyPort = proxyPort;
  }

  /**
   * @param overrides extra or replaced {@code flowgate.gateway.*} properties
   * @param extraSources test configuration added to the gateway's own
   */
  public static GatewayInstance start(
      String portalUrl, Path stateDir, Map<String, String> overrides, Class<?>... extraSources) {
    int proxyPort = freePort();
    Map<String, String> properties = new LinkedHashMap<>();
    properties.put("server.port", "0");
    properties.put("flowgate.gateway.proxy-port", String.valueOf(proxyPort));
    properties.put("flowgate.gateway.event-loops", "2");
    properties.put("flowgate.gateway.domain", "gw.test");
    properties.put("flowgate.gateway.key-pepper", TestSnapshots.PEPPER);
    properties.put("flowgate.gateway.state-dir", stateDir.toString());
    properties.put("flowgate.gateway.portal.url", portalUrl);
    properties.put("flowgate.gateway.portal.internal-token", FakePortal.TOKEN);
    properties.put("flowgate.gateway.portal.poll-interval", "1h");
    properties.put("flowgate.gateway.upstream.allow", "127.0.0.0/8");
    properties.put("flowgate.gateway.nats.url", "nats://127.0.0.1:4222");
    properties.put("flowgate.gateway.kafka.bootstrap", "127.0.0.1:9092");
    properties.putAll(overrides);
    String[] args = properties.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue()).toArray(String[]::new);
    ConfigurableApplicationContext context = new SpringApplicationBuilder(GatewayApplication.class).sources(extraSources).run(args);
    return new GatewayInstance(context, proxyPort);
  }

  /** Waits until readiness is UP, that is until a snapshot is being served. */
  public GatewayInstance awaitReady() {
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    while (admin("/actuator/health/readiness").statusCode() != 200) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("gateway not ready within 10 s");
      }
      try {
        Thread.sleep(20);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
    return this;
  }

  public static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public String proxyUrl() {
    return "http://127.0.0.1:" + proxyPort;
  }

  public String adminUrl() {
    return "http://127.0.0.1:" + context.getEnvironment().getProperty("local.server.port");
  }

  public HttpRequest.Builder request(String path) {
    return HttpRequest.newBuilder(URI.create(proxyUrl() + path)).timeout(Duration.ofSeconds(10));
  }

  public HttpResponse<String> send(HttpRequest.Builder request) {
    try {
      return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  public HttpResponse<String> get(String path, String apiKey) {
    return send(request(path).header("X-API-Key", apiKey));
  }

  public HttpResponse<String> admin(String path) {
    return send(HttpRequest.newBuilder(URI.create(adminUrl() + path)).timeout(Duration.ofSeconds(10)));
  }

  public ConfigurableApplicationContext context() {
    return context;
  }

  @Override
  public void close() {
    context.close();
  }
}
