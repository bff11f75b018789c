package dev.flowgate.worker.health;

import dev.flowgate.worker.TaskQueues;
import io.temporal.activity.ActivityOptions;
import io.temporal.common.RetryOptions;
import io.temporal.spring.boot.WorkflowImpl;
import io.temporal.workflow.Workflow;
import java.time.Duration;

@WorkflowImpl(taskQueues = TaskQueues.WORKFLOWS)
public class WorkerProbeWorkflowImpl implements WorkerProbeWorkflow {

  private final WorkerProbeActivities activities =
      Workflow.newActivityStub(
          WorkerProbeActivities.class,
          ActivityOptions.newBuilder()
              .setStartToCloseTimeout(Duration.ofSeconds(10))
              .setRetryOptions(RetryOptions.newBuilder().setMaximumAttempts(3).build())
              .build());

  @Override
  public ProbeResult probe(String nonce) {
    String worker = activities.identify(nonce);
    return new ProbeResult(nonce, Workflow.getInfo().getWorkflowId(), worker);
  }
}
