package dev.flowgate.worker.health;

import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;

/** Proves the worker end to end: a workflow task and an activity task on the worker's queue. */
@WorkflowInterface
public interface WorkerProbeWorkflow {

  /** Returns the activity's answer for {@code nonce}. */
  @WorkflowMethod
  ProbeResult probe(String nonce);
}
