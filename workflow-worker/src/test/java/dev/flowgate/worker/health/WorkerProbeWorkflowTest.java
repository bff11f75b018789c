package dev.flowgate.worker.health;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.mockito.Mockito.withSettings;

import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowFailedException;
import io.temporal.client.WorkflowOptions;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.testing.TestWorkflowExtension;
import io.temporal.worker.Worker;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

@org.junit.jupiter.api.Timeout(60)
class WorkerProbeWorkflowTest {

  @RegisterExtension
  static final TestWorkflowExtension temporal =
      TestWorkflowExtension.newBuilder()
          .registerWorkflowImplementationTypes(WorkerProbeWorkflowImpl.class)
          .setDoNotStart(true)
          .build();

  private static WorkerProbeWorkflow stub(WorkflowClient client, Worker worker) {
    return client.newWorkflowStub(
        WorkerProbeWorkflow.class,
        WorkflowOptions.newBuilder().setTaskQueue(worker.getTaskQueue()).setWorkflowId("probe-test").build());
  }

  @Test
  void the_probe_returns_the_activity_workers_identity(
      TestWorkflowEnvironment env, Worker worker, WorkflowClient client) {
    WorkerProbeActivities activities = mock(WorkerProbeActivities.class, withSettings().withoutAnnotations());
    when(activities.identify("n-1")).thenReturn("workflow-worker/test");
    worker.registerActivitiesImplementations(activities);
    env.start();

    ProbeResult result = stub(client, worker).probe("n-1");

    assertThat(result).isEqualTo(new ProbeResult("n-1", "probe-test", "workflow-worker/test"));
  }

  @Test
  void a_failing_activity_is_retried_three_times_then_fails_the_probe(
      TestWorkflowEnvironment env, Worker worker, WorkflowClient client) {
    WorkerProbeActivities activities = mock(WorkerProbeActivities.class, withSettings().withoutAnnotations());
    when(activities.identify(anyString())).thenThrow(new IllegalStateException("boom"));
    worker.registerActivitiesImplementations(activities);
    env.start();

    assertThatThrownBy(() -> stub(client, worker).probe("n-2")).isInstanceOf(WorkflowFailedException.class);
    verify(activities, times(3)).identify("n-2");
  }
}
