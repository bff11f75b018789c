package dev.flowgate.worker.dsl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.flowgate.worker.runs.RecordingRunIndex;
import dev.flowgate.worker.steps.ExpressionActivitiesImpl;
import dev.flowgate.worker.steps.HttpRequestActivitiesImpl;
import dev.flowgate.worker.steps.StepHttpClient;
import dev.flowgate.worker.steps.StepsProperties;
import dev.flowgate.worker.steps.TestUpstream;
import dev.flowgate.worker.steps.UpstreamGuard;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import io.temporal.client.WorkflowStub;
import io.temporal.serviceclient.WorkflowServiceStubs;
import io.temporal.serviceclient.WorkflowServiceStubsOptions;
import io.temporal.worker.WorkerFactory;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A run survives its worker: the first worker stops while the run waits for approval, a fresh one
 * (empty workflow cache, so it replays the history) finishes it, and the HTTP step is not repeated.
 * Against the local Temporal dev server (FLOWGATE_TEMPORAL_TARGET, default 127.0.0.1:7233).
 */
@org.junit.jupiter.api.Disabled("""
    open finding: on the Java Temporal dev server the next workflow task of a run that was in flight
    when its worker stopped is never handed to the new worker (history ends in WORKFLOW_TASK_SCHEDULED,
    no STARTED or TIMED_OUT), with shutdown() and shutdownNow() alike, a second connection and identity,
    workflow cache 0, and without queries; new runs on the same queue do start on the new worker. Enable once resolved.""")
class WorkerRestartIT {

  private final WorkflowServiceStubs service = WorkflowServiceStubs.newServiceStubs(
      WorkflowServiceStubsOptions.newBuilder()
          .setTarget(System.getenv().getOrDefault("FLOWGATE_TEMPORAL_TARGET", "127.0.0.1:7233")).build());
  private final WorkflowClient client = WorkflowClient.newInstance(service);
  private final String queue = "restart-it-" + UUID.randomUUID();

  @AfterEach
  void close() {
    service.shutdownNow();
  }

  private WorkerFactory startWorker(TestUpstream upstream) {
    return startWorker(upstream, client);
  }

  private WorkerFactory startWorker(TestUpstream upstream, WorkflowClient client) {
    var properties = new StepsProperties("127.0.0.0/8", "", "x@example.com", Duration.ofSeconds(2), 1 << 20);
    WorkerFactory factory = WorkerFactory.newInstance(client);
    var worker = factory.newWorker(queue);
    worker.registerWorkflowImplementationTypes(DslWorkflowImpl.class);
    worker.registerActivitiesImplementations(
        new HttpRequestActivitiesImpl(new StepHttpClient(UpstreamGuard.of("127.0.0.0/8"), properties)),
        new ExpressionActivitiesImpl(), new RecordingRunIndex());
    factory.start();
    return factory;
  }

  @Test
  void a_run_waiting_for_approval_completes_on_a_new_worker_without_repeating_steps() throws Exception {
    try (TestUpstream upstream = new TestUpstream()) {
      WorkerFactory first = startWorker(upstream);
      DslWorkflow run = client.newWorkflowStub(DslWorkflow.class, WorkflowOptions.newBuilder()
          .setTaskQueue(queue).setWorkflowId("restart-it-" + UUID.randomUUID())
          .setWorkflowExecutionTimeout(Duration.ofMinutes(2)).build());
      WorkflowClient.start(run::run, new RunRequest(UUID.randomUUID().toString(), "wf", 1, DefinitionParser.parse("""
          {"name": "restart", "steps": [
            {"id": "charge", "type": "http_request", "config": {"url": "%s", "method": "POST"}},
            {"id": "approve", "type": "wait_for_signal", "dependsOn": ["charge"], "config": {"signal": "approval"}},
            {"id": "done", "type": "transform", "dependsOn": ["approve"], "config": {"expression": "steps.charge.output.status"}}]}
          """.formatted(upstream.url("/charge"))), Map.of(), "manual"));
      await().atMost(Duration.ofSeconds(20)).until(() -> upstream.received("/charge").size() == 1);
      Thread.sleep(1000);

      first.shutdown();
      first.awaitTermination(10, TimeUnit.SECONDS);
      WorkflowServiceStubs otherConnection = WorkflowServiceStubs.newServiceStubs(
          WorkflowServiceStubsOptions.newBuilder()
              .setTarget(System.getenv().getOrDefault("FLOWGATE_TEMPORAL_TARGET", "127.0.0.1:7233")).build());
      WorkerFactory second = startWorker(upstream, WorkflowClient.newInstance(otherConnection,
          io.temporal.client.WorkflowClientOptions.newBuilder().setIdentity("restarted-" + UUID.randomUUID()).build()));
      try {
        run.signal("approval", Map.of("decision", "approve"));
        RunResult result;
        try {
          result = WorkflowStub.fromTyped(run).getResult(20, TimeUnit.SECONDS, RunResult.class);
        } catch (java.util.concurrent.TimeoutException e) {
          client.fetchHistory(WorkflowStub.fromTyped(run).getExecution().getWorkflowId()).getEvents()
              .forEach(ev -> System.out.println("HISTORY " + ev.getEventId() + " " + ev.getEventType() + " " + ev.getEventTime().getSeconds()
                  + (ev.hasWorkflowTaskScheduledEventAttributes() ? " " + ev.getWorkflowTaskScheduledEventAttributes().getTaskQueue() : "")));
          throw e;
        }

        assertThat(result.status()).isEqualTo(RunState.COMPLETED);
        assertThat(result.outputs().get("done")).isEqualTo(200);
        assertThat(upstream.received("/charge")).hasSize(1);
      } finally {
        second.shutdownNow();
        otherConnection.shutdownNow();
      }
    }
  }
}
