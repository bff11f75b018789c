package dev.flowgate.gateway.proxy;

import dev.flowgate.contracts.config.GatewaySnapshot.Tenant;
import dev.flowgate.gateway.pipeline.Exchange;
import dev.flowgate.gateway.policies.CorsPolicy;
import dev.flowgate.gateway.problems.Problem;
import dev.flowgate.gateway.problems.ProblemType;
import dev.flowgate.gateway.tracing.RequestLog;
import io.netty.handler.codec.http.TooLongHttpHeaderException;
import io.netty.handler.codec.http.TooLongHttpLineException;
import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.http.HttpVersion;

/** Ends a call with a problem, or resets it when the upstream's response has already begun. */
final class ProblemResponder {

  private ProblemResponder() {}

  static void respond(HttpServerRequest request, Exchange exchange, Problem problem) {
    HttpServerResponse response = request.response();
    if (response.ended() || response.closed()) {
      return;
    }
    if (problem.status() >= 500) {
      RequestLog.problem(exchange, problem.status(), problem.type().slug(), problem.detail());
    }
    if (response.headWritten()) {
      exchange.markCutOff();
      response.reset();
      return;
    }
    Tenant tenant = exchange.tenant();
    MultiMap headers = response.headers();
    headers.clear();
    headers.set("Content-Type", Problem.MEDIA_TYPE);
    headers.set("Cache-Control", "no-store");
    HeaderHygiene.addResponseHeaders(headers, exchange.requestId(), tenant == null ? null : tenant.id().toString());
    RateLimitHeaders.add(headers, exchange.rateLimit());
    CorsPolicy.addHeaders(headers, exchange);
    if (problem.retryAfterSeconds() != null) {
      headers.set("Retry-After", problem.retryAfterSeconds().toString());
    }
    if (problem.status() == 401) {
      headers.set("WWW-Authenticate", "Bearer realm=\"flowgate\"");
    }
    response.setStatusCode(problem.status());
    Buffer body = Buffer.buffer(problem.toJson(exchange.path(), exchange.requestId()));
    if (problem.status() == 413 && request.version() != HttpVersion.HTTP_2) {
      // the rest of an oversized body is not worth reading: answer, then drop the connection
      // (HTTP/2 has no Connection header; its other streams live on, and the rest is discarded)
      headers.set("Connection", "close");
      response.end(body).onComplete(v -> request.connection().close());
      return;
    }
    response.end(body);
    request.resume();
  }

  /**
   * Answers a request the HTTP decoder refused (request line or headers too large, or garbled)
   * with a problem instead of Vert.x's bare status, then closes the connection.
   */
  static void respondInvalid(HttpServerRequest request) {
    Throwable cause = request.decoderResult().cause();
    Problem problem;
    if (cause instanceof TooLongHttpLineException) {
      problem = Problem.of(ProblemType.URI_TOO_LONG, "The request line is longer than this gateway accepts.");
    } else if (cause instanceof TooLongHttpHeaderException) {
      problem = Problem.of(ProblemType.HEADERS_TOO_LARGE, "The request headers are larger than this gateway accepts.");
    } else {
      problem = Problem.of(ProblemType.MALFORMED_REQUEST, "The request is not valid HTTP.");
    }
    HttpServerResponse response = request.response();
    String requestId = HeaderHygiene.newRequestId();
    MultiMap headers = response.headers();
    headers.set("Content-Type", Problem.MEDIA_TYPE);
    headers.set("Cache-Control", "no-store");
    headers.set("Connection", "close");
    HeaderHygiene.addResponseHeaders(headers, requestId, null);
    String path = problem.type() == ProblemType.URI_TOO_LONG || request.path() == null ? "" : request.path();
    response.setStatusCode(problem.status())
        .end(Buffer.buffer(problem.toJson(path, requestId)))
        .onComplete(v -> request.connection().close());
  }
}
