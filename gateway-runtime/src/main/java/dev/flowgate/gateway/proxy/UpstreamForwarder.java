package dev.flowgate.gateway.proxy;

import dev.flowgate.contracts.config.GatewaySnapshot.Tenant;
import dev.flowgate.gateway.pipeline.Exchange;
import dev.flowgate.gateway.problems.Problem;
import dev.flowgate.gateway.problems.ProblemType;
import dev.flowgate.gateway.routing.RouteMatch;
import dev.flowgate.gateway.routing.Upstream;
import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.internal.VertxInternal;
import io.vertx.core.net.SocketAddress;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Objects;

/**
 * Sends an accepted request to its route's upstream and streams the answer back: resolve, check
 * the address, connect to exactly that address, pipe both bodies with back-pressure.
 */
final class UpstreamForwarder {

  private final Vertx vertx;
  private final HttpClient client;
  private final UpstreamAddressGuard guard;

  UpstreamForwarder(Vertx vertx, HttpClient client, UpstreamAddressGuard guard) {
    this.vertx = vertx;
    this.client = client;
    this.guard = guard;
  }

  void forward(HttpServerRequest request, Exchange exchange) {
    Upstream upstream = Objects.requireNonNull(exchange.match()).upstream();
    resolve(upstream.host()).onComplete(resolved -> {
      if (resolved.failed()) {
        ProblemResponder.respond(request, exchange, UpstreamFailures.problemFor(resolved.cause()));
      } else if (!guard.permits(resolved.result())) {
        ProblemResponder.respond(request, exchange, Problem.of(ProblemType.UPSTREAM_FORBIDDEN,
            "The upstream resolves to an address the gateway may not call."));
      } else {
        send(request, exchange, resolved.result());
      }
    });
  }

  private Future<InetAddress> resolve(String host) {
    if (UpstreamAddressGuard.isLiteral(host)) {
      try {
        return Future.succeededFuture(UpstreamAddressGuard.ofLiteral(host));
      } catch (UnknownHostException e) {
        return Future.failedFuture(e);
      }
    }
    return ((VertxInternal) vertx).nameResolver().resolve(host);
  }

  private void send(HttpServerRequest request, Exchange exchange, InetAddress address) {
    RouteMatch match = Objects.requireNonNull(exchange.match());
    Upstream upstream = match.upstream();
    String query = exchange.query();
    RequestOptions options =
        new RequestOptions()
            .setMethod(request.method())
            .setServer(SocketAddress.inetSocketAddress(upstream.port(), address.getHostAddress()))
            .setHost(upstream.host())
            .setPort(upstream.port())
            .setSsl(upstream.ssl())
            .setURI(query == null ? match.upstreamPath() : match.upstreamPath() + "?" + query)
            .setConnectTimeout(upstream.connectTimeoutMs())
            .setIdleTimeout(upstream.readTimeoutMs());
    Tenant tenant = exchange.tenant();
    client.request(options).onComplete(connected -> {
      if (connected.failed()) {
        ProblemResponder.respond(request, exchange, UpstreamFailures.problemFor(connected.cause()));
        return;
      }
      HttpClientRequest outgoing = connected.result();
      MultiMap headers = outgoing.headers();
      HeaderHygiene.copyRequestHeaders(request.headers(), headers, exchange.credentialInAuthorization());
      HeaderHygiene.addForwardingHeaders(request.headers(), headers, exchange.requestId(), exchange.clientIp(),
          request.isSSL(), tenant == null ? null : tenant.id().toString());
      Future<HttpClientResponse> answered = hasBody(request) ? outgoing.send(request) : outgoing.send();
      answered.onComplete(response -> {
        if (response.failed()) {
          ProblemResponder.respond(request, exchange, UpstreamFailures.problemFor(response.cause()));
        } else {
          relay(request, exchange, response.result());
        }
      });
    });
  }

  private static void relay(HttpServerRequest request, Exchange exchange, HttpClientResponse upstream) {
    HttpServerResponse response = request.response();
    if (response.closed()) {
      upstream.request().reset();
      return;
    }
    Tenant tenant = exchange.tenant();
    response.setStatusCode(upstream.statusCode());
    HeaderHygiene.copyResponseHeaders(upstream.headers(), response.headers());
    HeaderHygiene.addResponseHeaders(response.headers(), exchange.requestId(),
        tenant == null ? null : tenant.id().toString());
    int status = upstream.statusCode();
    if (request.method() == HttpMethod.HEAD || status == 204 || status == 304 || status < 200) {
      upstream.end();
      response.end();
      return;
    }
    response.send(upstream).onFailure(error -> {
      upstream.request().reset();
      if (!response.ended()) {
        response.reset();
      }
    });
  }

  private static boolean hasBody(HttpServerRequest request) {
    String length = request.getHeader("Content-Length");
    return (length != null && !length.equals("0")) || request.getHeader("Transfer-Encoding") != null;
  }
}
