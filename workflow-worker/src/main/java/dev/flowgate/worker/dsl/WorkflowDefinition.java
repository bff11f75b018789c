package dev.flowgate.worker.dsl;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;
import java.util.Objects;

/**
 * A workflow definition: the JSON DSL the visual designer edits (see PRODUCT.md, "Workflow DSL").
 *
 * @param name a human name, for example {@code customer-onboarding}
 * @param steps the steps; their {@code dependsOn} edges form the DAG the interpreter walks
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record WorkflowDefinition(String name, List<StepDefinition> steps) {

  public WorkflowDefinition {
    steps = steps == null ? List.of() : List.copyOf(steps);
  }

  /** The step with {@code id}, or null. */
  public StepDefinition step(String id) {
    for (StepDefinition step : steps) {
      if (Objects.equals(step.id(), id)) {
        return step;
      }
    }
    return null;
  }
}
