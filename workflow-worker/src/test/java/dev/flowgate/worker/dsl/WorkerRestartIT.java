package dev.flowgate.worker.dsl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.flowgate.worker.StickyExecution;
import dev.flowgate.worker.WorkerProperties;
import dev.flowgate.worker.runs.RecordingRunIndex;
import dev.flowgate.worker.steps.ExpressionActivitiesImpl;
import dev.flowgate.worker.steps.HttpRequestActivitiesImpl;
import dev.flowgate.worker.steps.StepHttpClient;
import dev.flowgate.worker.steps.StepsProperties;
import dev.flowgate.worker.steps.TestUpstream;
import dev.flowgate.worker.steps.UpstreamGuard;
import io.temporal.api.enums.v1.EventType;
import io.temporal.api.history.v1.HistoryEvent;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowClientOptions;
import io.temporal.client.WorkflowOptions;
import io.temporal.client.WorkflowStub;
import io.temporal.serviceclient.WorkflowServiceStubs;
import io.temporal.serviceclient.WorkflowServiceStubsOptions;
import io.temporal.worker.WorkerFactory;
import io.temporal.worker.WorkerOptions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.context.properties.bind.Binder;

/**
 * A run survives its worker (issue 6): the first worker stops while the run waits for approval, a
 * fresh one (own connection and identity, empty workflow cache, so it replays the history) finishes
 * it, and the HTTP step that completed before the restart is not repeated.
 *
 * <p>Both workers get their options the way the application does, with the default of
 * {@code flowgate.worker.sticky-execution} (off): with sticky execution on, the Java Temporal dev
 * server leaves the run's next workflow task on the stopped worker's sticky queue for good (see
 * {@link StickyExecution}). Against the local dev server (FLOWGATE_TEMPORAL_TARGET, default
 * 127.0.0.1:7233).
 */
class WorkerRestartIT {

  private static final String TARGET = System.getenv().getOrDefault("FLOWGATE_TEMPORAL_TARGET", "127.0.0.1:7233");

  /** The application's default, bound like Spring binds it when nothing is configured. */
  private static final boolean STICKY_DEFAULT =
      new Binder().bindOrCreate("flowgate.worker", WorkerProperties.class).stickyExecution();

  private final WorkflowServiceStubs service = stubs();
  private final WorkflowClient client = WorkflowClient.newInstance(service);
  private final String queue = "restart-it-" + UUID.randomUUID();

  @AfterEach
  void close() {
    service.shutdownNow();
  }

  private static WorkflowServiceStubs stubs() {
    return WorkflowServiceStubs.newServiceStubs(WorkflowServiceStubsOptions.newBuilder().setTarget(TARGET).build());
  }

  private WorkerFactory startWorker(WorkflowClient client) {
    var properties = new StepsProperties("127.0.0.0/8", "", "x@example.com", Duration.ofSeconds(2), 1 << 20);
    WorkerFactory factory = WorkerFactory.newInstance(client);
    var worker = factory.newWorker(queue, StickyExecution.apply(WorkerOptions.newBuilder(), STICKY_DEFAULT).build());
    worker.registerWorkflowImplementationTypes(DslWorkflowImpl.class);
    worker.registerActivitiesImplementations(
        new HttpRequestActivitiesImpl(new StepHttpClient(UpstreamGuard.of("127.0.0.0/8"), properties)),
        new ExpressionActivitiesImpl(), new RecordingRunIndex());
    factory.start();
    return factory;
  }

  @ParameterizedTest(name = "shutdownNow={0}")
  @ValueSource(booleans = {false, true})
  void a_run_waiting_for_approval_completes_on_a_new_worker_without_repeating_steps(boolean abrupt) throws Exception {
    assertThat(STICKY_DEFAULT).as("flowgate.worker.sticky-execution default").isFalse();
    try (TestUpstream upstream = new TestUpstream()) {
      WorkerFactory first = startWorker(client);
      String workflowId = "restart-it-" + UUID.randomUUID();
      DslWorkflow run = client.newWorkflowStub(DslWorkflow.class, WorkflowOptions.newBuilder()
          .setTaskQueue(queue).setWorkflowId(workflowId)
          .setWorkflowExecutionTimeout(Duration.ofMinutes(2)).build());
      WorkflowClient.start(run::run, new RunRequest(UUID.randomUUID().toString(), "wf", 1, DefinitionParser.parse("""
          {"name": "restart", "steps": [
            {"id": "charge", "type": "http_request", "config": {"url": "%s", "method": "POST"}},
            {"id": "approve", "type": "wait_for_signal", "dependsOn": ["charge"], "config": {"signal": "approval"}},
            {"id": "ship", "type": "http_request", "dependsOn": ["approve"], "config": {"url": "%s", "method": "POST"}},
            {"id": "done", "type": "transform", "dependsOn": ["ship"], "config": {"expression": "steps.charge.output.status"}}]}
          """.formatted(upstream.url("/charge"), upstream.url("/ship"))), Map.of(), "manual"));

      // the first worker ran the charge and the run is idle, waiting for the approval
      await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(100))
          .until(() -> waitingForSignal(client.fetchHistory(workflowId).getEvents()));
      assertThat(upstream.received("/charge")).hasSize(1);

      if (abrupt) {
        first.shutdownNow();
      } else {
        first.shutdown();
      }
      first.awaitTermination(10, TimeUnit.SECONDS);
      assertThat(first.isTerminated()).isTrue();

      WorkflowServiceStubs otherConnection = stubs();
      WorkerFactory second = startWorker(WorkflowClient.newInstance(otherConnection,
          WorkflowClientOptions.newBuilder().setIdentity("restarted-" + UUID.randomUUID()).build()));
      try {
        run.signal("approval", Map.of("decision", "approve"));
        RunResult result;
        try {
          result = WorkflowStub.fromTyped(run).getResult(20, TimeUnit.SECONDS, RunResult.class);
        } catch (TimeoutException e) {
          client.fetchHistory(workflowId).getEvents().forEach(ev -> System.out.println(
              "HISTORY " + ev.getEventId() + " " + ev.getEventType()
                  + (ev.hasWorkflowTaskStartedEventAttributes() ? " " + ev.getWorkflowTaskStartedEventAttributes().getIdentity() : "")));
          throw e;
        }

        assertThat(result.status()).isEqualTo(RunState.COMPLETED);
        assertThat(result.outputs().get("done")).isEqualTo(200);
        assertThat(upstream.received("/charge")).as("charge ran before the restart only").hasSize(1);
        assertThat(upstream.received("/ship")).as("ship ran once, on the new worker").hasSize(1);
        assertThat(client.fetchHistory(workflowId).getEvents().stream()
            .filter(HistoryEvent::hasWorkflowTaskStartedEventAttributes)
            .map(ev -> ev.getWorkflowTaskStartedEventAttributes().getIdentity()).distinct().toList())
            .as("workflow tasks were taken by both workers").hasSize(2);
      } finally {
        second.shutdownNow();
        second.awaitTermination(5, TimeUnit.SECONDS);
        otherConnection.shutdownNow();
      }
    }
  }

  /** The approval timer is armed, every scheduled activity completed and no workflow task is pending. */
  private static boolean waitingForSignal(List<HistoryEvent> events) {
    long scheduled = events.stream().filter(e -> e.getEventType() == EventType.EVENT_TYPE_ACTIVITY_TASK_SCHEDULED).count();
    long completed = events.stream().filter(e -> e.getEventType() == EventType.EVENT_TYPE_ACTIVITY_TASK_COMPLETED).count();
    return events.stream().anyMatch(e -> e.getEventType() == EventType.EVENT_TYPE_TIMER_STARTED)
        && scheduled == completed
        && events.getLast().getEventType() == EventType.EVENT_TYPE_WORKFLOW_TASK_COMPLETED;
  }
}
