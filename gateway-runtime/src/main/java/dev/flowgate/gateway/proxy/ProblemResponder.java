package dev.flowgate.gateway.proxy;

import dev.flowgate.contracts.config.GatewaySnapshot.Tenant;
import dev.flowgate.gateway.pipeline.Exchange;
import dev.flowgate.gateway.problems.Problem;
import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;

/** Ends a call with a problem, or resets it when the upstream's response has already begun. */
final class ProblemResponder {

  private ProblemResponder() {}

  static void respond(HttpServerRequest request, Exchange exchange, Problem problem) {
    HttpServerResponse response = request.response();
    if (response.ended() || response.closed()) {
      return;
    }
    if (response.headWritten()) {
      response.reset();
      return;
    }
    Tenant tenant = exchange.tenant();
    MultiMap headers = response.headers();
    headers.clear();
    headers.set("Content-Type", Problem.MEDIA_TYPE);
    headers.set("Cache-Control", "no-store");
    HeaderHygiene.addResponseHeaders(headers, exchange.requestId(), tenant == null ? null : tenant.id().toString());
    if (problem.retryAfterSeconds() != null) {
      headers.set("Retry-After", problem.retryAfterSeconds().toString());
    }
    if (problem.status() == 401) {
      headers.set("WWW-Authenticate", "Bearer realm=\"flowgate\"");
    }
    response.setStatusCode(problem.status());
    response.end(Buffer.buffer(problem.toJson(exchange.path(), exchange.requestId())));
    request.resume();
  }
}
