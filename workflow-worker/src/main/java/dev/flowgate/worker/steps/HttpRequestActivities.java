package dev.flowgate.worker.steps;

import dev.flowgate.worker.dsl.StepConfig;
import io.temporal.activity.ActivityInterface;
import io.temporal.activity.ActivityMethod;

/** The {@code http_request} step. */
@ActivityInterface
public interface HttpRequestActivities {

  /**
   * Calls the configured URL through the SSRF guard and returns {@code {status, headers, body}}.
   * 5xx, 408, 429 and connection errors fail retryably; other 4xx and refusals do not.
   */
  @ActivityMethod
  StepResult request(StepCall call, StepConfig.HttpRequest config);
}
