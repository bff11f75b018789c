package dev.flowgate.gateway.proxy;

import io.vertx.core.DeploymentOptions;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/** Owns the Vert.x instance: deploys one {@link ProxyVerticle} per event loop on the proxy port. */
public final class GatewayServer implements SmartLifecycle {

  private static final Logger log = LoggerFactory.getLogger(GatewayServer.class);

  private final ProxyServices services;
  private volatile @Nullable Vertx vertx;

  GatewayServer(ProxyServices services) {
    this.services = services;
  }

  @Override
  public void start() {
    int loops = services.properties().eventLoopCount();
    Vertx started = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(loops).setPreferNativeTransport(true));
    services.jwks().attach(started);
    try {
      started
          .deployVerticle(() -> new ProxyVerticle(services), new DeploymentOptions().setInstances(loops))
          .toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    } catch (Exception e) {
      started.close();
      throw new IllegalStateException("The proxy could not listen on port " + services.properties().proxyPort(), e);
    }
    new UpstreamHealthChecks(started, services.holder(), services.guard(), services.registry(),
        services.properties().upstream()).start();
    vertx = started;
    log.info("Proxy listening on port {} with {} event loops ({} transport)", services.properties().proxyPort(), loops,
        started.isNativeTransportEnabled() ? "native" : "NIO");
  }

  @Override
  public void stop() {
    Vertx running = vertx;
    vertx = null;
    if (running != null) {
      services.jwks().close();
      try {
        running.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
      } catch (Exception e) {
        log.warn("Vert.x did not close cleanly: {}", e.toString());
      }
    }
  }

  @Override
  public boolean isRunning() {
    return vertx != null;
  }
}
