package dev.flowgate.worker.steps;

import dev.flowgate.worker.dsl.StepConfig;
import io.temporal.activity.ActivityInterface;
import io.temporal.activity.ActivityMethod;

/** The {@code notify} step. */
@ActivityInterface
public interface NotifyActivities {

  /**
   * Sends the email through the configured mail server ({@code SPRING_MAIL_HOST}); without one the
   * step fails with a "not configured" reason rather than pretending to have sent anything.
   */
  @ActivityMethod
  StepResult send(StepCall call, StepConfig.Notify config);
}
