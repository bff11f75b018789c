package dev.flowgate.worker.steps;

import dev.flowgate.worker.dsl.StepConfig;
import io.temporal.activity.ActivityInterface;
import io.temporal.activity.ActivityMethod;

/** The {@code webhook} step. */
@ActivityInterface
public interface WebhookActivities {

  /**
   * POSTs the body (the configured expression, or the whole run context) signed with the tenant's
   * secret in {@code Flowgate-Signature}, with {@code Idempotency-Key: <executionId>:<stepId>} so a
   * receiver can drop the retries of a delivery it already has.
   */
  @ActivityMethod
  StepResult deliver(StepCall call, StepConfig.Webhook config);
}
