package dev.flowgate.gateway.proxy;

import dev.flowgate.contracts.EventCodec;
import dev.flowgate.contracts.Envelope;
import dev.flowgate.contracts.config.GatewaySnapshot.Tenant;
import dev.flowgate.contracts.workflow.WorkflowTriggered;
import dev.flowgate.gateway.pipeline.Exchange;
import dev.flowgate.gateway.policies.CorsPolicy;
import dev.flowgate.gateway.problems.Problem;
import dev.flowgate.gateway.problems.ProblemType;
import dev.flowgate.gateway.tracing.GatewayTracing;
import dev.flowgate.gateway.workflow.InputTemplate;
import dev.flowgate.gateway.workflow.WorkflowTrigger;
import dev.flowgate.gateway.workflow.WorkflowTriggerPublisher;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A call on a route with a workflow trigger: read the body (bounded), render the input, publish
 * to JetStream, then answer 202 ({@code async}) or forward and add the headers ({@code passthrough}).
 */
final class WorkflowTriggerHandler {

  private static final Set<String> NEVER_IN_INPUT = Set.of("x-api-key", "authorization", "cookie", "proxy-authorization");

  private final WorkflowTriggerPublisher publisher;
  private final long maxBodyBytes;
  private final Clock clock;
  private final String source;

  WorkflowTriggerHandler(WorkflowTriggerPublisher publisher, long maxBodyBytes, Clock clock, String source) {
    this.publisher = publisher;
    this.maxBodyBytes = maxBodyBytes;
    this.clock = clock;
    this.source = source;
  }

  void handle(HttpServerRequest request, Exchange exchange, WorkflowTrigger trigger, UpstreamForwarder forwarder) {
    Context context = Vertx.currentContext();
    readBody(request, exchange).onSuccess(body -> {
      Tenant tenant = Objects.requireNonNull(exchange.tenant());
      String executionId = UUID.randomUUID().toString();
      JsonNode input = InputTemplate.render(trigger.inputTemplate(), context(request, exchange, body));
      WorkflowTriggered triggered = new WorkflowTriggered(executionId, tenant.id(), trigger.workflowId(),
          trigger.workflowVersion(), trigger.triggerId(),
          "api_route", input, exchange.requestId());
      publisher.publish(Envelope.of(triggered, tenant.id(), executionId, source, clock.instant()),
              GatewayTracing.natsHeaders(exchange))
          .whenComplete((ack, error) -> context.runOnContext(v -> {
            if (error != null) {
              ProblemResponder.respond(request, exchange, new Problem(ProblemType.WORKFLOW_UNAVAILABLE,
                  "The workflow could not be triggered; nothing was started.", 5));
            } else if (trigger.passthrough()) {
              exchange.workflowExecutionId(executionId);
              exchange.body(body);
              forwarder.forward(request, exchange);
            } else {
              accepted(request, exchange, executionId);
            }
          }));
    });
  }

  private Future<Buffer> readBody(HttpServerRequest request, Exchange exchange) {
    return RequestBody.read(request, exchange, maxBodyBytes);
  }

  private static JsonNode context(HttpServerRequest request, Exchange exchange, Buffer body) {
    ObjectNode context = EventCodec.mapper().createObjectNode();
    context.put("method", exchange.method());
    context.put("path", exchange.path());
    ObjectNode query = context.putObject("query");
    request.params().forEach(param -> {
      if (!query.has(param.getKey())) {
        query.put(param.getKey(), param.getValue());
      }
    });
    ObjectNode headers = context.putObject("headers");
    for (Map.Entry<String, String> header : exchange.headers()) {
      String name = header.getKey().toLowerCase(Locale.ROOT);
      if (!NEVER_IN_INPUT.contains(name) && !headers.has(name)) {
        headers.put(name, header.getValue());
      }
    }
    if (body.length() == 0) {
      context.putNull("body");
    } else {
      try {
        context.set("body", EventCodec.mapper().readTree(body.getBytes()));
      } catch (RuntimeException notJson) {
        context.put("body", body.toString(StandardCharsets.UTF_8));
      }
    }
    return context;
  }

  private static void accepted(HttpServerRequest request, Exchange exchange, String executionId) {
    HttpServerResponse response = request.response();
    if (response.closed() || response.ended()) {
      return;
    }
    Tenant tenant = exchange.tenant();
    HeaderHygiene.addResponseHeaders(response.headers(), exchange.requestId(),
        tenant == null ? null : tenant.id().toString());
    RateLimitHeaders.add(response.headers(), exchange.rateLimit());
    CorsPolicy.addHeaders(response.headers(), exchange);
    addWorkflowHeaders(response, executionId);
    response.headers().set("Content-Type", "application/json");
    ObjectNode body = EventCodec.mapper().createObjectNode()
        .put("executionId", executionId)
        .put("statusUrl", WorkflowTrigger.statusEndpoint(executionId));
    response.setStatusCode(202).end(Buffer.buffer(EventCodec.toBytes(body)));
  }

  static void addWorkflowHeaders(HttpServerResponse response, String executionId) {
    response.headers().set("X-Workflow-Execution-ID", executionId);
    response.headers().set("X-Workflow-Status-Endpoint", WorkflowTrigger.statusEndpoint(executionId));
  }
}
