package dev.flowgate.worker.steps;

import dev.flowgate.worker.TaskQueues;
import dev.flowgate.worker.dsl.Expressions;
import dev.flowgate.worker.dsl.StepConfig;
import io.temporal.spring.boot.ActivityImpl;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.stereotype.Component;

@Component
@ActivityImpl(taskQueues = TaskQueues.WORKFLOWS)
public class ExpressionActivitiesImpl implements ExpressionActivities {

  @Override
  public Object transform(StepConfig.Transform config, Map<String, Object> context) {
    if (config.expression() != null) {
      return evaluate(config.expression(), context);
    }
    Map<String, Object> output = new LinkedHashMap<>();
    config.mapping().forEach((field, expression) -> output.put(field, evaluate(expression, context)));
    return output;
  }

  @Override
  public boolean test(String expression, Map<String, Object> context) {
    return Expressions.truthy(evaluate(expression, context));
  }

  @Override
  public Object evaluate(String expression, Map<String, Object> context) {
    try {
      return Expressions.evaluate(expression, context);
    } catch (Expressions.ExpressionException e) {
      throw StepFailures.fatal(StepFailures.EXPRESSION_FAILED, e.getMessage());
    }
  }
}
