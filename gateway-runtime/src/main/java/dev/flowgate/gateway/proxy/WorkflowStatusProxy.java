package dev.flowgate.gateway.proxy;

import dev.flowgate.contracts.config.GatewaySnapshot.Tenant;
import dev.flowgate.gateway.config.GatewayProperties;
import dev.flowgate.gateway.pipeline.Exchange;
import dev.flowgate.gateway.pipeline.Pipeline;
import dev.flowgate.gateway.problems.Problem;
import dev.flowgate.gateway.problems.ProblemType;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.http.RequestOptions;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * {@code GET /_flowgate/workflow-runs/{executionId}}: any key of the run's tenant may read its
 * status, so an API consumer needs no management token. Answered by the worker's internal API
 * for the caller's tenant: another tenant's run is simply not found there.
 */
final class WorkflowStatusProxy {

  static final String PREFIX = "/_flowgate/workflow-runs/";
  private static final Pattern EXECUTION_ID = Pattern.compile("[A-Za-z0-9._-]{1,128}");

  private final Pipeline pipeline;
  private final GatewayProperties.Workflows settings;
  private final String internalToken;

  WorkflowStatusProxy(Pipeline pipeline, GatewayProperties properties) {
    this.pipeline = pipeline;
    this.settings = properties.workflows();
    this.internalToken = properties.portal().internalToken();
  }

  static boolean handles(String path) {
    return path.startsWith(PREFIX);
  }

  void handle(HttpServerRequest request, Exchange exchange, HttpClient client) {
    Problem problem = pipeline.run(exchange);
    String executionId = exchange.path().substring(PREFIX.length());
    if (problem == null && (request.method() != HttpMethod.GET || !EXECUTION_ID.matcher(executionId).matches())) {
      problem = Problem.of(ProblemType.NO_ROUTE, "Workflow runs are read with GET " + PREFIX + "{executionId}.");
    }
    if (problem != null) {
      ProblemResponder.respond(request, exchange, problem);
      return;
    }
    Tenant tenant = Objects.requireNonNull(exchange.tenant());
    RequestOptions options = new RequestOptions()
        .setMethod(HttpMethod.GET)
        .setAbsoluteURI(settings.runUri(tenant.id(), executionId))
        .setTimeout(settings.statusTimeout().toMillis())
        .putHeader("Authorization", "Bearer " + internalToken)
        .putHeader("Accept", "application/json")
        .putHeader("X-Request-ID", exchange.requestId());
    client.request(options)
        .compose(outgoing -> outgoing.send())
        .compose(response -> response.body().map(body -> {
          HttpServerResponse answer = request.response();
          if (answer.closed() || answer.ended()) {
            return null;
          }
          String type = response.getHeader("Content-Type");
          answer.setStatusCode(response.statusCode());
          answer.headers().set("Content-Type", type == null ? "application/json" : type);
          answer.headers().set("Cache-Control", "no-store");
          HeaderHygiene.addResponseHeaders(answer.headers(), exchange.requestId(), tenant.id().toString());
          answer.end(body);
          request.resume();
          return null;
        }))
        .onFailure(error -> ProblemResponder.respond(request, exchange, UpstreamFailures.problemFor(error)));
  }
}
