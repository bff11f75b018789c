package dev.flowgate.gateway.proxy;

import dev.flowgate.contracts.config.GatewaySnapshot.Service;
import dev.flowgate.gateway.config.GatewayProperties;
import dev.flowgate.gateway.config.RuntimeConfig;
import dev.flowgate.gateway.config.RuntimeConfigHolder;
import dev.flowgate.gateway.routing.Upstream;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.net.SocketAddress;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Active health checks: every service with a {@code healthCheckPath} gets a GET at that path
 * (under the service URL's path) every interval, through the same address guard as calls. A 2xx
 * or 3xx is up. Exported as {@code flowgate_gateway_upstream_up{service,name}} (1 up, 0 down).
 */
final class UpstreamHealthChecks {

  private final Vertx vertx;
  private final RuntimeConfigHolder holder;
  private final UpstreamAddressGuard guard;
  private final MeterRegistry registry;
  private final GatewayProperties.Upstream settings;
  private final HttpClient client;
  private final Map<UUID, AtomicInteger> up = new ConcurrentHashMap<>();

  UpstreamHealthChecks(
      Vertx vertx, RuntimeConfigHolder holder, UpstreamAddressGuard guard, MeterRegistry registry,
      GatewayProperties.Upstream settings) {
    this.vertx = vertx;
    this.holder = holder;
    this.guard = guard;
    this.registry = registry;
    this.settings = settings;
    this.client = vertx.createHttpClient(new HttpClientOptions().setKeepAlive(false).setForceSni(true)
        .setConnectTimeout((int) settings.healthCheckTimeout().toMillis()));
  }

  void start() {
    vertx.setPeriodic(0, settings.healthCheckInterval().toMillis(), id -> checkAll());
  }

  private void checkAll() {
    RuntimeConfig config = holder.current();
    if (config == null) {
      return;
    }
    for (Service service : config.snapshot().services()) {
      String path = service.healthCheckPath();
      if (path != null && !path.isBlank()) {
        check(service, path.startsWith("/") ? path : "/" + path);
      }
    }
  }

  private void check(Service service, String path) {
    Upstream upstream;
    try {
      upstream = Upstream.of(service, 1, 1);
    } catch (IllegalArgumentException e) {
      record(service, false);
      return;
    }
    UpstreamAddressGuard.resolve(vertx, upstream.host())
        .compose(address -> {
          if (!guard.permits(address)) {
            throw new IllegalStateException("upstream address forbidden");
          }
          return client.request(new RequestOptions()
              .setMethod(HttpMethod.GET)
              .setServer(SocketAddress.inetSocketAddress(upstream.port(), address.getHostAddress()))
              .setHost(upstream.host())
              .setPort(upstream.port())
              .setSsl(upstream.ssl())
              .setURI(upstream.basePath() + path)
              .setTimeout(settings.healthCheckTimeout().toMillis()));
        })
        .compose(request -> request.putHeader("User-Agent", "flowgate-health-check").send())
        .compose(response -> response.body().map(body -> response.statusCode()))
        .onComplete(result -> record(service, result.succeeded() && result.result() < 400));
  }

  private void record(Service service, boolean healthy) {
    up.computeIfAbsent(service.id(), id -> {
      AtomicInteger state = new AtomicInteger(1);
      Gauge.builder("flowgate.gateway.upstream.up", state, AtomicInteger::get)
          .description("Active health check of an upstream service: 1 up, 0 down")
          .tags("service", id.toString(), "name", service.name())
          .register(registry);
      return state;
    }).set(healthy ? 1 : 0);
  }
}
