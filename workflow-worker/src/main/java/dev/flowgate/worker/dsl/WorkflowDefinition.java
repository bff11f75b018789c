package dev.flowgate.worker.dsl;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A workflow definition: the JSON DSL the visual designer edits (see PRODUCT.md, "Workflow DSL").
 *
 * @param name a human name, for example {@code customer-onboarding}
 * @param steps the steps; their {@code dependsOn} edges form the DAG the interpreter walks
 * @param idempotent the author's word that running a run again from its start is harmless (its
 *     trigger may be replayed): a run the local Temporal dev server lost is then started again
 *     under its execution id instead of being marked FAILED
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record WorkflowDefinition(
    String name, List<StepDefinition> steps, @JsonInclude(JsonInclude.Include.NON_NULL) @Nullable Boolean idempotent) {

  public WorkflowDefinition {
    steps = steps == null ? List.of() : List.copyOf(steps);
  }

  public WorkflowDefinition(String name, List<StepDefinition> steps) {
    this(name, steps, null);
  }

  /** Whether {@code idempotent} is true. */
  public boolean restartable() {
    return Boolean.TRUE.equals(idempotent);
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
