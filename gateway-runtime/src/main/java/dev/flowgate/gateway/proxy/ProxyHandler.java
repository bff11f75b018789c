package dev.flowgate.gateway.proxy;

import dev.flowgate.gateway.config.RuntimeConfig;
import dev.flowgate.gateway.config.RuntimeConfigHolder;
import dev.flowgate.gateway.metering.CallMetering;
import dev.flowgate.gateway.pipeline.Exchange;
import dev.flowgate.gateway.pipeline.Pipeline;
import dev.flowgate.gateway.problems.Problem;
import dev.flowgate.gateway.problems.ProblemType;
import io.vertx.core.Handler;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.net.HostAndPort;
import io.vertx.core.net.SocketAddress;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Every call: build the exchange, run the pipeline, forward or answer the problem, meter once. */
final class ProxyHandler implements Handler<HttpServerRequest> {

  private static final Logger log = LoggerFactory.getLogger(ProxyHandler.class);

  private final RuntimeConfigHolder holder;
  private final Pipeline pipeline;
  private final UpstreamForwarder forwarder;
  private final CallMetering metering;

  ProxyHandler(RuntimeConfigHolder holder, Pipeline pipeline, UpstreamForwarder forwarder, CallMetering metering) {
    this.holder = holder;
    this.pipeline = pipeline;
    this.forwarder = forwarder;
    this.metering = metering;
  }

  @Override
  public void handle(HttpServerRequest request) {
    request.pause();
    @Nullable RuntimeConfig config = holder.current();
    Exchange exchange = exchange(request, config);
    request.response().endHandler(v -> complete(request, exchange));
    request.response().closeHandler(v -> complete(request, exchange));
    try {
      if (config == null) {
        ProblemResponder.respond(request, exchange,
            new Problem(ProblemType.NOT_READY, "The gateway has no configuration yet.", 5));
        return;
      }
      Problem problem = pipeline.run(exchange);
      if (problem != null) {
        ProblemResponder.respond(request, exchange, problem);
      } else {
        forwarder.forward(request, exchange);
      }
    } catch (RuntimeException e) {
      log.error("Request {} failed in the gateway", exchange.requestId(), e);
      ProblemResponder.respond(request, exchange, Problem.of(ProblemType.INTERNAL_ERROR, "The gateway failed."));
    }
  }

  private static Exchange exchange(HttpServerRequest request, @Nullable RuntimeConfig config) {
    HostAndPort authority = request.authority();
    String host = authority == null ? "" : authority.host().toLowerCase(Locale.ROOT);
    SocketAddress remote = request.remoteAddress();
    String clientIp = remote == null || remote.hostAddress() == null ? "unknown" : remote.hostAddress();
    return new Exchange(
        HeaderHygiene.requestId(request.getHeader("X-Request-ID")),
        request.method().name(),
        host,
        request.path() == null ? "" : request.path(),
        request.query(),
        request.headers(),
        clientIp,
        System.nanoTime(),
        config);
  }

  private void complete(HttpServerRequest request, Exchange exchange) {
    if (exchange.complete()) {
      metering.completed(exchange, request.response().getStatusCode(), request.bytesRead(),
          request.response().bytesWritten());
    }
  }
}
