package dev.flowgate.gateway.proxy;

import dev.flowgate.gateway.config.GatewayProperties;
import dev.flowgate.gateway.config.RuntimeConfigHolder;
import dev.flowgate.gateway.metering.CallMetering;
import dev.flowgate.gateway.pipeline.Pipeline;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.PoolOptions;

/** One per event loop: the proxy's server side (sharing the port) and its own upstream client. */
final class ProxyVerticle extends VerticleBase {

  private final GatewayProperties properties;
  private final RuntimeConfigHolder holder;
  private final Pipeline pipeline;
  private final UpstreamAddressGuard guard;
  private final CallMetering metering;

  ProxyVerticle(
      GatewayProperties properties, RuntimeConfigHolder holder, Pipeline pipeline, UpstreamAddressGuard guard,
      CallMetering metering) {
    this.properties = properties;
    this.holder = holder;
    this.pipeline = pipeline;
    this.guard = guard;
    this.metering = metering;
  }

  @Override
  public Future<?> start() {
    HttpClient client =
        vertx.createHttpClient(
            new HttpClientOptions()
                .setKeepAlive(true)
                .setKeepAliveTimeout(60)
                .setTcpNoDelay(true)
                .setForceSni(true)
                .setDecompressionSupported(false)
                .setConnectTimeout((int) properties.upstream().connectTimeout().toMillis()),
            new PoolOptions()
                .setHttp1MaxSize(properties.upstream().maxConnectionsPerEventLoop())
                .setMaxWaitQueueSize(-1));
    UpstreamForwarder forwarder = new UpstreamForwarder(vertx, client, guard);
    return vertx
        .createHttpServer(
            new HttpServerOptions()
                .setPort(properties.proxyPort())
                .setHost("0.0.0.0")
                .setTcpNoDelay(true)
                .setHandle100ContinueAutomatically(true)
                .setIdleTimeout(120))
        .requestHandler(new ProxyHandler(holder, pipeline, forwarder, metering))
        .listen();
  }
}
