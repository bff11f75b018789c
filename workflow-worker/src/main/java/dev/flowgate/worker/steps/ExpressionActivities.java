package dev.flowgate.worker.steps;

import dev.flowgate.worker.dsl.StepConfig;
import io.temporal.activity.ActivityInterface;
import io.temporal.activity.ActivityMethod;
import java.util.Map;

/**
 * JSONata evaluation for {@code transform}, {@code condition} and {@code sub_workflow} inputs, run
 * as local activities: the result is recorded in history, so a replay never re-evaluates a
 * JSONata clock or random function.
 */
@ActivityInterface
public interface ExpressionActivities {

  /** The output of a {@code transform}: its expression's value, or an object built from its mapping. */
  @ActivityMethod
  Object transform(StepConfig.Transform config, Map<String, Object> context);

  /** The truth of a {@code condition} expression (JSONata truthiness). */
  @ActivityMethod
  boolean test(String expression, Map<String, Object> context);

  /** Any expression's value. */
  @ActivityMethod
  Object evaluate(String expression, Map<String, Object> context);
}
