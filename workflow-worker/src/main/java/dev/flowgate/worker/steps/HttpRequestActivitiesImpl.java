package dev.flowgate.worker.steps;

import dev.flowgate.worker.TaskQueues;
import dev.flowgate.worker.dsl.Expressions;
import dev.flowgate.worker.dsl.StepConfig;
import io.temporal.spring.boot.ActivityImpl;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.stereotype.Component;

@Component
@ActivityImpl(taskQueues = TaskQueues.WORKFLOWS)
public class HttpRequestActivitiesImpl implements HttpRequestActivities {

  private final StepHttpClient http;

  public HttpRequestActivitiesImpl(StepHttpClient http) {
    this.http = http;
  }

  @Override
  public StepResult request(StepCall call, StepConfig.HttpRequest config) {
    byte[] body = null;
    if (config.body() != null) {
      try {
        body = JsonBodies.write(Expressions.evaluate(config.body(), call.context()));
      } catch (Expressions.ExpressionException e) {
        throw StepFailures.fatal(StepFailures.EXPRESSION_FAILED, e.getMessage());
      }
    }
    Map<String, String> headers = new LinkedHashMap<>(config.headers());
    headers.put("X-Flowgate-Execution-Id", call.executionId());
    StepHttpClient.Response response;
    try {
      response = http.send(config.method(), config.url(), headers, body, "application/json", config.timeoutMs());
    } catch (UpstreamGuard.UpstreamRefusedException e) {
      throw StepFailures.fatal(StepFailures.UPSTREAM_REFUSED, e.getMessage());
    } catch (IOException e) {
      throw StepFailures.retryable(StepFailures.UPSTREAM_FAILED,
          config.method() + " " + config.url() + " failed: " + e.getClass().getSimpleName() + " " + e.getMessage());
    }
    return new StepResult(HttpOutcomes.output(config.method() + " " + config.url(), response), StepFailures.attempt());
  }
}
