package dev.flowgate.worker;

/** Temporal task queues this worker polls; annotation values need compile-time constants. */
public final class TaskQueues {

  /** Every Flowgate workflow and its activities. */
  public static final String WORKFLOWS = "flowgate-workflows";

  private TaskQueues() {}
}
