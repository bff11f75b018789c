package dev.flowgate.worker.dsl;

/** A step's state, as PRODUCT.md names it. */
public enum StepState {
  QUEUED,
  EXECUTING,
  SUCCESS,
  FAILED,
  SKIPPED;

  public boolean terminal() {
    return this == SUCCESS || this == FAILED || this == SKIPPED;
  }
}
