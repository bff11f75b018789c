package dev.flowgate.gateway.proxy;

import dev.flowgate.gateway.config.GatewayProperties;
import dev.flowgate.gateway.config.RuntimeConfigHolder;
import dev.flowgate.gateway.metering.CallMetering;
import dev.flowgate.gateway.pipeline.Pipeline;
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

  private final GatewayProperties properties;
  private final RuntimeConfigHolder holder;
  private final Pipeline pipeline;
  private final UpstreamAddressGuard guard;
  private final CallMetering metering;
  private volatile @Nullable Vertx vertx;

  GatewayServer(
      GatewayProperties properties, RuntimeConfigHolder holder, Pipeline pipeline, UpstreamAddressGuard guard,
      CallMetering metering) {
    this.properties = properties;
    this.holder = holder;
    this.pipeline = pipeline;
    this.guard = guard;
    this.metering = metering;
  }

  @Override
  public void start() {
    int loops = properties.eventLoopCount();
    Vertx started = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(loops));
    try {
      started
          .deployVerticle(() -> new ProxyVerticle(properties, holder, pipeline, guard, metering),
              new DeploymentOptions().setInstances(loops))
          .toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    } catch (Exception e) {
      started.close();
      throw new IllegalStateException("The proxy could not listen on port " + properties.proxyPort(), e);
    }
    vertx = started;
    log.info("Proxy listening on port {} with {} event loops", properties.proxyPort(), loops);
  }

  @Override
  public void stop() {
    Vertx running = vertx;
    vertx = null;
    if (running != null) {
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
