package dev.flowgate.worker.events;

import com.fasterxml.jackson.annotation.JsonIgnore;
import dev.flowgate.contracts.Versioned;

/**
 * One transition of a run or of one of its steps. {@code sequence} counts a run's transitions from
 * 1 in the order they happened, so a consumer can order and de-duplicate them per execution id.
 */
public sealed interface WorkflowTransition extends Versioned permits WorkflowRunTransitioned, WorkflowStepTransitioned {

  String executionId();

  String tenantId();

  long sequence();

  /** What the transition is about: the run, or {@code step:<id>}. */
  @JsonIgnore
  String subject();
}
