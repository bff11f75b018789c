package dev.flowgate.gateway.proxy;

import dev.flowgate.gateway.config.GatewayProperties;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.Http2Settings;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.PoolOptions;

/** One per event loop: the proxy's server side (sharing the port) and its own upstream client. */
final class ProxyVerticle extends VerticleBase {

  private final ProxyServices services;

  ProxyVerticle(ProxyServices services) {
    this.services = services;
  }

  @Override
  public Future<?> start() {
    GatewayProperties properties = services.properties();
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
    UpstreamForwarder forwarder = new UpstreamForwarder(vertx, client, services.guard(), services.breakers(),
        new ResponseHygiene(properties.response()), properties.limits().maxBodyBytes(),
        properties.circuitBreaker().firstRetryDelay().toMillis(), services.cache(),
        new BufferedJsonResponse(properties.limits().maxBodyBytes(), properties.limits().maxTransformBytes(),
            new BodyMappingMetrics(services.registry())));
    WorkflowTriggerHandler triggers = new WorkflowTriggerHandler(
        services.publisher(), properties.limits().maxBodyBytes(), services.clock(), properties.source());
    GatewayProperties.Response response = properties.response();
    return vertx
        .createHttpServer(
            new HttpServerOptions()
                .setPort(properties.proxyPort())
                .setHost("0.0.0.0")
                .setTcpNoDelay(true)
                // every answer is written on its request's event loop (the JWKS and NATS waits hop
                // back to it), so Vert.x may skip its cross-thread write queue
                .setStrictThreadMode(true)
                // the gateway proxies no WebSockets: their extension handler would only inspect every request
                .setPerFrameWebSocketCompressionSupported(false)
                .setPerMessageWebSocketCompressionSupported(false)
                .setHandle100ContinueAutomatically(true)
                .setIdleTimeout(120)
                .setMaxInitialLineLength(properties.limits().maxUrlLength())
                .setMaxHeaderSize(properties.limits().maxHeaderBytes())
                // HTTP/2 headers are checked against the same limit with a problem answer (ProxyHandler)
                .setInitialSettings(new Http2Settings().setMaxHeaderListSize(4L * properties.limits().maxHeaderBytes()))
                .setCompressionSupported(response.compression())
                .setCompressionLevel(response.compressionLevel())
                .setCompressors(Compressors.forLevel(response.compressionLevel()))
                .setCompressionContentSizeThreshold(response.compressAbove()))
        .requestHandler(new ProxyHandler(services, forwarder, triggers, client))
        .invalidRequestHandler(ProblemResponder::respondInvalid)
        .listen();
  }
}
