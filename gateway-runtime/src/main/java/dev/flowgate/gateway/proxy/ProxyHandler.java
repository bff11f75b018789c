package dev.flowgate.gateway.proxy;

import dev.flowgate.gateway.config.RuntimeConfig;
import dev.flowgate.gateway.config.RuntimeConfigHolder;
import dev.flowgate.gateway.metering.CallMetering;
import dev.flowgate.gateway.pipeline.Exchange;
import dev.flowgate.gateway.pipeline.Pipeline;
import dev.flowgate.gateway.policies.BodyMapping;
import dev.flowgate.gateway.policies.CorsPolicy;
import dev.flowgate.gateway.problems.Problem;
import dev.flowgate.gateway.problems.ProblemType;
import dev.flowgate.gateway.tracing.GatewayTracing;
import dev.flowgate.gateway.tracing.RequestLog;
import dev.flowgate.gateway.workflow.WorkflowTrigger;
import io.vertx.core.Handler;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpVersion;
import io.vertx.core.net.HostAndPort;
import io.vertx.core.net.SocketAddress;
import java.util.Locale;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/** Every call: build the exchange, run the pipeline, forward or answer the problem, meter once. */
final class ProxyHandler implements Handler<HttpServerRequest> {

  private final RuntimeConfigHolder holder;
  private final Pipeline pipeline;
  private final UpstreamForwarder forwarder;
  private final WorkflowTriggerHandler triggers;
  private final WorkflowStatusProxy statuses;
  private final HttpClient client;
  private final CallMetering metering;
  private final ResponseCache cache;
  private final SchemaGate schemas;
  private final ClientDisconnects disconnects;
  private final GatewayTracing tracing;
  private final RequestBodyMapping bodies;
  private final int maxUrlLength;
  private final int maxHeaderBytes;
  private final String domain;

  ProxyHandler(ProxyServices services, UpstreamForwarder forwarder, WorkflowTriggerHandler triggers, HttpClient client) {
    this.holder = services.holder();
    this.pipeline = services.pipeline();
    this.forwarder = forwarder;
    this.triggers = triggers;
    this.statuses = services.statuses();
    this.client = client;
    this.metering = services.metering();
    this.cache = services.cache();
    this.schemas = services.schemas();
    this.disconnects = services.disconnects();
    this.tracing = services.tracing();
    this.bodies = new RequestBodyMapping(services.properties().limits(), new BodyMappingMetrics(services.registry()));
    this.maxUrlLength = services.properties().limits().maxUrlLength();
    this.maxHeaderBytes = services.properties().limits().maxHeaderBytes();
    this.domain = services.properties().domain().toLowerCase(Locale.ROOT);
  }

  @Override
  public void handle(HttpServerRequest request) {
    request.pause();
    @Nullable RuntimeConfig config = holder.current();
    Exchange exchange = exchange(request, config);
    tracing.start(exchange);
    request.response().endHandler(v -> complete(request, exchange));
    request.response().closeHandler(v -> closed(request, exchange));
    try {
      if (config == null) {
        ProblemResponder.respond(request, exchange,
            new Problem(ProblemType.NOT_READY, "The gateway has no configuration yet.", 5));
        return;
      }
      Problem problem = request.version() == HttpVersion.HTTP_2 ? http2Limits(request) : null;
      if (problem == null && WorkflowStatusProxy.handles(exchange.path())) {
        statuses.handle(request, exchange, client);
        return;
      }
      if (problem != null) {
        ProblemResponder.respond(request, exchange, problem);
        return;
      }
      if (CorsPolicy.answerPreflight(request, exchange, domain)) {
        return;
      }
      pipeline.run(exchange, refused -> dispatch(request, exchange, refused));
    } catch (RuntimeException e) {
      failed(request, exchange, e);
    }
  }

  /** After the pipeline (which may have waited for a JWKS): answer the problem, or check the body and route. */
  private void dispatch(HttpServerRequest request, Exchange exchange, @Nullable Problem problem) {
    try {
      if (problem != null) {
        ProblemResponder.respond(request, exchange, problem);
      } else {
        schemas.check(request, exchange, () -> mapBody(request, exchange));
      }
    } catch (RuntimeException e) {
      failed(request, exchange, e);
    }
  }

  /** Only a route whose {@code request_transform} maps the body reads it; every other body streams. */
  private void mapBody(HttpServerRequest request, Exchange exchange) {
    BodyMapping mapping = Objects.requireNonNull(exchange.match()).policies().requestBody();
    if (mapping == null) {
      route(request, exchange);
    } else {
      bodies.map(request, exchange, mapping, () -> route(request, exchange));
    }
  }

  /** Trigger the route's workflow, or answer from the cache, or forward. */
  private void route(HttpServerRequest request, Exchange exchange) {
    try {
      WorkflowTrigger trigger = WorkflowTrigger.of(Objects.requireNonNull(exchange.match()).route());
      if (trigger != null) {
        triggers.handle(request, exchange, trigger, forwarder);
      } else if (!cache.serve(request, exchange)) {
        forwarder.forward(request, exchange);
      }
    } catch (RuntimeException e) {
      failed(request, exchange, e);
    }
  }

  private static void failed(HttpServerRequest request, Exchange exchange, RuntimeException e) {
    RequestLog.failed(exchange, e);
    ProblemResponder.respond(request, exchange, Problem.of(ProblemType.INTERNAL_ERROR, "The gateway failed."));
  }

  /** HTTP/1.x's decoder enforces these (see {@link ProblemResponder#respondInvalid}); HTTP/2's does not. */
  private @Nullable Problem http2Limits(HttpServerRequest request) {
    if (request.uri().length() > maxUrlLength) {
      return Problem.of(ProblemType.URI_TOO_LONG, "The request URI is longer than this gateway accepts.");
    }
    long size = 0;
    for (var header : request.headers()) {
      size += header.getKey().length() + header.getValue().length() + 4;
    }
    if (size > maxHeaderBytes) {
      return Problem.of(ProblemType.HEADERS_TOO_LARGE, "The request headers are larger than this gateway accepts.");
    }
    return null;
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

  /** The connection or stream closed: after the answer, or because the caller left before it ended. */
  private void closed(HttpServerRequest request, Exchange exchange) {
    if (!request.response().ended() && !exchange.cutOff()) {
      disconnects.left(exchange);
      exchange.abandon();
    }
    complete(request, exchange);
  }

  private void complete(HttpServerRequest request, Exchange exchange) {
    if (exchange.complete()) {
      metering.completed(exchange, request.response().getStatusCode(), request.bytesRead(),
          request.response().bytesWritten());
      GatewayTracing.end(exchange, request.response().getStatusCode());
      RequestLog.completed(exchange, request.response().getStatusCode());
    }
  }
}
