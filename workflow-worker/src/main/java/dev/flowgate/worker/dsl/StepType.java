package dev.flowgate.worker.dsl;

import java.util.Arrays;
import java.util.Optional;

/** The step types of the DSL, by their wire names. */
public enum StepType {
  HTTP_REQUEST("http_request"),
  TRANSFORM("transform"),
  CONDITION("condition"),
  PARALLEL("parallel"),
  DELAY("delay"),
  WAIT_FOR_SIGNAL("wait_for_signal"),
  WEBHOOK("webhook"),
  NOTIFY("notify"),
  SUB_WORKFLOW("sub_workflow");

  private final String wireName;

  StepType(String wireName) {
    this.wireName = wireName;
  }

  public String wireName() {
    return wireName;
  }

  public static Optional<StepType> of(String wireName) {
    return Arrays.stream(values()).filter(t -> t.wireName.equals(wireName)).findFirst();
  }
}
