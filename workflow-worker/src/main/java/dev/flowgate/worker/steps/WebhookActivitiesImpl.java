package dev.flowgate.worker.steps;

import dev.flowgate.worker.TaskQueues;
import dev.flowgate.worker.dsl.Expressions;
import dev.flowgate.worker.dsl.StepConfig;
import io.temporal.spring.boot.ActivityImpl;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.stereotype.Component;

@Component
@ActivityImpl(taskQueues = TaskQueues.WORKFLOWS)
public class WebhookActivitiesImpl implements WebhookActivities {

  private final StepHttpClient http;
  private final StepsProperties properties;
  private final Clock clock;

  public WebhookActivitiesImpl(StepHttpClient http, StepsProperties properties, Clock clock) {
    this.http = http;
    this.properties = properties;
    this.clock = clock;
  }

  @Override
  public StepResult deliver(StepCall call, StepConfig.Webhook config) {
    if (properties.webhookSigningSecret().isBlank()) {
      throw StepFailures.fatal(StepFailures.NOT_CONFIGURED,
          "webhooks are not configured: set FLOWGATE_WEBHOOK_SIGNING_SECRET (flowgate.worker.steps.webhook-signing-secret)");
    }
    Object payload;
    try {
      payload = config.body() == null ? defaultBody(call) : Expressions.evaluate(config.body(), call.context());
    } catch (Expressions.ExpressionException e) {
      throw StepFailures.fatal(StepFailures.EXPRESSION_FAILED, e.getMessage());
    }
    String body = new String(JsonBodies.write(payload), StandardCharsets.UTF_8);
    String secret = WebhookSigner.tenantSecret(properties.webhookSigningSecret(), call.tenantId());
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put(WebhookSigner.HEADER, WebhookSigner.signature(secret, clock.instant().getEpochSecond(), body));
    headers.put("Idempotency-Key", call.executionId() + ":" + call.stepId());
    headers.put("X-Flowgate-Execution-Id", call.executionId());
    try {
      StepHttpClient.Response response = http.send(
          "POST", config.url(), headers, body.getBytes(StandardCharsets.UTF_8), "application/json", config.timeoutMs());
      return new StepResult(HttpOutcomes.output("webhook " + config.url(), response), StepFailures.attempt());
    } catch (UpstreamGuard.UpstreamRefusedException e) {
      throw StepFailures.fatal(StepFailures.UPSTREAM_REFUSED, e.getMessage());
    } catch (IOException e) {
      throw StepFailures.retryable(StepFailures.UPSTREAM_FAILED,
          "webhook " + config.url() + " failed: " + e.getClass().getSimpleName() + " " + e.getMessage());
    }
  }

  private static Map<String, Object> defaultBody(StepCall call) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("executionId", call.executionId());
    body.put("stepId", call.stepId());
    body.putAll(call.context());
    return body;
  }
}
