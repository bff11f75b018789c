package dev.flowgate.worker.dsl;

/** A run's state, as PRODUCT.md names it. */
public enum RunState {
  PENDING,
  RUNNING,
  COMPLETED,
  FAILED,
  CANCELLED
}
