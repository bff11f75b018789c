package dev.flowgate.gateway.proxy;

import dev.flowgate.contracts.config.GatewaySnapshot.Service;
import dev.flowgate.contracts.config.GatewaySnapshot.Tenant;
import dev.flowgate.gateway.pipeline.Exchange;
import dev.flowgate.gateway.policies.BodyMapping;
import dev.flowgate.gateway.policies.CorsPolicy;
import dev.flowgate.gateway.policies.HeaderTransform;
import dev.flowgate.gateway.policies.PiiMasker;
import dev.flowgate.gateway.policies.RoutePolicies;
import dev.flowgate.gateway.problems.Problem;
import dev.flowgate.gateway.problems.ProblemType;
import dev.flowgate.gateway.routing.RouteMatch;
import dev.flowgate.gateway.routing.Upstream;
import dev.flowgate.gateway.tracing.GatewayTracing;
import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.http.HttpVersion;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.net.SocketAddress;
import java.net.InetAddress;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Sends an accepted request to its route's upstream and streams the answer back: resolve, check
 * the address, ask the service's circuit breaker, connect to exactly that address, pipe both
 * bodies with back-pressure (the request body counted against the size limit). Idempotent calls
 * are retried, up to the service's {@code retries}, after connect errors, timeouts and
 * 502/503/504, with doubling delays; a call whose body already left is retried only when the
 * connection never opened.
 */
final class UpstreamForwarder {

  private static final Set<HttpMethod> IDEMPOTENT = Set.of(
      HttpMethod.GET, HttpMethod.HEAD, HttpMethod.OPTIONS, HttpMethod.PUT, HttpMethod.DELETE, HttpMethod.TRACE);

  private static final Set<HttpMethod> BODILESS =
      Set.of(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.OPTIONS, HttpMethod.DELETE, HttpMethod.TRACE);

  private final Vertx vertx;
  private final HttpClient client;
  private final UpstreamAddressGuard guard;
  private final UpstreamBreakers breakers;
  private final ResponseHygiene hygiene;
  private final long maxBodyBytes;
  private final long firstRetryDelayMs;
  private final ResponseCache cache;
  private final long wholeBodyUpTo;
  private final BufferedJsonResponse buffered;

  UpstreamForwarder(
      Vertx vertx, HttpClient client, UpstreamAddressGuard guard, UpstreamBreakers breakers, ResponseHygiene hygiene,
      long maxBodyBytes, long firstRetryDelayMs, ResponseCache cache, BufferedJsonResponse buffered) {
    this.cache = cache;
    this.buffered = buffered;
    this.vertx = vertx;
    this.client = client;
    this.guard = guard;
    this.breakers = breakers;
    this.hygiene = hygiene;
    this.maxBodyBytes = maxBodyBytes;
    this.firstRetryDelayMs = firstRetryDelayMs;
    this.wholeBodyUpTo = hygiene.wholeBodyUpTo();
  }

  void forward(HttpServerRequest request, Exchange exchange) {
    Upstream upstream = Objects.requireNonNull(exchange.match()).upstream();
    UpstreamAddressGuard.resolve(vertx, upstream.host()).onComplete(resolved -> {
      if (resolved.failed()) {
        ProblemResponder.respond(request, exchange, UpstreamFailures.problemFor(resolved.cause()));
      } else if (!guard.permits(resolved.result())) {
        ProblemResponder.respond(request, exchange, Problem.of(ProblemType.UPSTREAM_FORBIDDEN,
            "The upstream resolves to an address the gateway may not call."));
      } else {
        attempt(request, exchange, resolved.result(), 0);
      }
    });
  }

  private void attempt(HttpServerRequest request, Exchange exchange, InetAddress address, int attempt) {
    if (request.response().closed()) {
      return;
    }
    RouteMatch match = Objects.requireNonNull(exchange.match());
    UpstreamBreakers.Call call = breakers.acquire(match.service());
    if (call == null) {
      ProblemResponder.respond(request, exchange, new Problem(ProblemType.CIRCUIT_OPEN,
          "The upstream service " + match.service().name() + " is failing; calls are paused.",
          breakers.retryAfterSeconds()));
      return;
    }
    client.request(options(exchange, request.method(), address)).onComplete(connected -> {
      if (connected.failed()) {
        boolean timeout = UpstreamFailures.isTimeout(connected.cause());
        call.failed(connected.cause(), timeout);
        // nothing of the body was read yet, so even a call with a body may go again
        if (!retry(request, exchange, address, attempt, true)) {
          ProblemResponder.respond(request, exchange, UpstreamFailures.problemFor(connected.cause()));
        }
        return;
      }
      send(request, exchange, address, attempt, call, connected.result());
    });
  }

  private void send(
      HttpServerRequest request, Exchange exchange, InetAddress address, int attempt, UpstreamBreakers.Call call,
      HttpClientRequest outgoing) {
    Tenant tenant = exchange.tenant();
    MultiMap headers = outgoing.headers();
    HeaderHygiene.copyRequestHeaders(request.headers(), headers, exchange.credentialInAuthorization());
    RoutePolicies policies = Objects.requireNonNull(exchange.match()).policies();
    HeaderTransform transform = policies.requestTransform();
    if (transform != null) {
      transform.apply(headers);
    }
    if (policies.piiMasker() != null || policies.cache() != null || policies.responseBody() != null) {
      headers.remove("Accept-Encoding"); // a body to mask, map or keep must come uncompressed
    }
    HeaderHygiene.addForwardingHeaders(request.headers(), headers, exchange.requestId(), exchange.clientIp(),
        request.isSSL(), tenant == null ? null : tenant.id().toString());
    GatewayTracing.inject(exchange, headers);
    Buffer buffered = exchange.body();
    boolean hasBody = buffered == null && hasBody(request);
    LimitedBody body = hasBody ? new LimitedBody(request, maxBodyBytes, () -> {
      outgoing.reset();
      ProblemResponder.respond(request, exchange, Problem.of(ProblemType.PAYLOAD_TOO_LARGE,
          "The request body is larger than the " + maxBodyBytes + " bytes this gateway accepts."));
    }) : null;
    Future<HttpClientResponse> answered =
        buffered != null ? outgoing.send(buffered) : body != null ? outgoing.send(body) : outgoing.send();
    answered.onComplete(response -> {
      if (body != null && body.exceeded()) {
        call.released();
        if (response.succeeded()) {
          ClientDisconnects.discard(response.result());
        }
      } else if (response.failed()) {
        boolean timeout = UpstreamFailures.isTimeout(response.cause());
        call.failed(response.cause(), timeout);
        if (!retry(request, exchange, address, attempt, !hasBody)) {
          ProblemResponder.respond(request, exchange, UpstreamFailures.problemFor(response.cause()));
        }
      } else {
        HttpClientResponse result = response.result();
        int status = result.statusCode();
        call.answered(status);
        if ((status == 502 || status == 503 || status == 504) && retry(request, exchange, address, attempt, !hasBody)) {
          ClientDisconnects.discard(result);
        } else {
          relay(request, exchange, result);
        }
      }
    });
  }

  /** Schedules the next attempt when the call may be retried; false when it may not. */
  private boolean retry(HttpServerRequest request, Exchange exchange, InetAddress address, int attempt,
      boolean bodySafe) {
    Service service = Objects.requireNonNull(exchange.match()).service();
    if (attempt >= service.retries() || !bodySafe || !IDEMPOTENT.contains(request.method())
        || request.response().closed()) {
      return false;
    }
    long delay = firstRetryDelayMs << Math.min(attempt, 10);
    vertx.setTimer(Math.max(1, delay), id -> attempt(request, exchange, address, attempt + 1));
    return true;
  }

  private static RequestOptions options(Exchange exchange, HttpMethod method, InetAddress address) {
    RouteMatch match = Objects.requireNonNull(exchange.match());
    Upstream upstream = match.upstream();
    String query = exchange.query();
    return new RequestOptions()
        .setMethod(method)
        .setServer(SocketAddress.inetSocketAddress(upstream.port(), address.getHostAddress()))
        .setHost(upstream.host())
        .setPort(upstream.port())
        .setSsl(upstream.ssl())
        .setURI(query == null ? match.upstreamPath() : match.upstreamPath() + "?" + query)
        .setConnectTimeout(upstream.connectTimeoutMs())
        .setIdleTimeout(upstream.readTimeoutMs());
  }

  private void relay(HttpServerRequest request, Exchange exchange, HttpClientResponse upstream) {
    HttpServerResponse response = request.response();
    if (response.closed()) {
      ClientDisconnects.discard(upstream);
      return;
    }
    Tenant tenant = exchange.tenant();
    RoutePolicies policies = Objects.requireNonNull(exchange.match()).policies();
    response.setStatusCode(upstream.statusCode());
    hygiene.copy(upstream.headers(), response.headers());
    HeaderTransform transform = policies.responseTransform();
    if (transform != null) {
      transform.apply(response.headers());
    }
    List<Map.Entry<String, String>> storable = cache.storable(request, exchange, response.headers());
    HeaderHygiene.addResponseHeaders(response.headers(), exchange.requestId(),
        tenant == null ? null : tenant.id().toString());
    RateLimitHeaders.add(response.headers(), exchange.rateLimit());
    CorsPolicy.addHeaders(response.headers(), exchange);
    String executionId = exchange.workflowExecutionId();
    if (executionId != null) {
      WorkflowTriggerHandler.addWorkflowHeaders(response, executionId);
    }
    int status = upstream.statusCode();
    if (request.method() == HttpMethod.HEAD || status == 204 || status == 304 || status < 200) {
      upstream.end();
      response.end();
      return;
    }
    PiiMasker masker = policies.piiMasker();
    BodyMapping mapping = policies.responseBody();
    // masked or mapped bodies are not kept: the masking would have to be kept with them
    if (storable != null && masker == null && mapping == null
        && cache.relayAndStore(request, exchange, upstream, storable)) {
      return;
    }
    if ((masker != null || mapping != null) && buffered.relay(request, exchange, upstream, masker, mapping)) {
      return;
    }
    if (WholeBody.relay(request, exchange, upstream, wholeBodyUpTo)) {
      return;
    }
    // a caller that leaves mid-body must stop the pipe too: it would write into the closed answer
    exchange.onAbandon(() -> ClientDisconnects.discard(upstream));
    response.send(upstream).onFailure(error -> {
      ClientDisconnects.discard(upstream);
      // the caller left (nothing to tell it), or the upstream broke off mid-body: closing the
      // connection keeps a cut body from looking complete; resetting a written response throws
      if (!response.closed()) {
        exchange.markCutOff();
        request.connection().close();
      }
    });
  }

  /**
   * HTTP/1.x says so in {@code Content-Length} or {@code Transfer-Encoding}; HTTP/2 frames may
   * carry a body of unannounced length, so there any method that may have one is streamed.
   */
  private static boolean hasBody(HttpServerRequest request) {
    String length = request.getHeader("Content-Length");
    if (length != null) {
      return !length.equals("0");
    }
    if (request.version() == HttpVersion.HTTP_2) {
      return !BODILESS.contains(request.method());
    }
    return request.getHeader("Transfer-Encoding") != null;
  }
}
