package dev.flowgate.worker.runs;

import dev.flowgate.worker.events.WorkflowEventPublisher;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.temporal.api.common.v1.WorkflowExecution;
import io.temporal.api.workflowservice.v1.DescribeWorkflowExecutionRequest;
import io.temporal.client.WorkflowClient;
import java.time.Duration;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Reconciles the run index with Temporal: the local dev server keeps runs in memory, so after it
 * restarts, runs the index still shows as PENDING or RUNNING may be gone. Those Temporal answers
 * NOT_FOUND for are started again when their definition is idempotent (PRODUCT.md: "restarts them
 * when their trigger is idempotent"), else marked FAILED with the reason; while Temporal is
 * unreachable nothing is touched. Runs at start-up and then every few minutes.
 */
@Component
class RunReconciler {

  static final String LOST = "lost: the workflow engine no longer knows this run (a restarted local Temporal dev server)";
  private static final Logger log = LoggerFactory.getLogger(RunReconciler.class);

  private final LostRuns lostRuns;
  private final WorkflowClient temporal;
  private final WorkflowEventPublisher events;
  private final RunStarter starter;
  private final Duration quiet;
  private final Duration confirm;

  RunReconciler(LostRuns lostRuns, WorkflowClient temporal, WorkflowEventPublisher events, RunStarter starter,
      RunsProperties properties) {
    this.lostRuns = lostRuns;
    this.temporal = temporal;
    this.events = events;
    this.starter = starter;
    this.quiet = properties.reconcileQuiet();
    this.confirm = properties.reconcileConfirm();
  }

  @Scheduled(initialDelayString = "${flowgate.worker.reconcile-initial-delay:10s}",
      fixedDelayString = "${flowgate.worker.reconcile-interval:5m}")
  void reconcileScheduled() {
    try {
      reconcile(quiet);
    } catch (RuntimeException e) {
      log.warn("run index reconciliation skipped: {}", e.getMessage());
    }
  }

  /**
   * Checks every quiet unfinished run; returns how many Temporal had lost (marked FAILED or restarted).
   * A run Temporal does not know is asked about again after {@code confirm}: right after Temporal
   * comes back, a trigger that waited for it starts its run (registered long ago, so quiet) within a
   * couple of seconds, and such a run is not lost. It is acted on only if Temporal still does not know
   * it then and nothing has updated its row since it was picked.
   */
  int reconcile(Duration quietFor) {
    List<LostRuns.Unfinished> unknown = lostRuns.unfinished(quietFor, 500).stream().filter(run -> !known(run)).toList();
    if (unknown.isEmpty()) {
      return 0;
    }
    try {
      // holds one of the scheduler's two threads (application.yml); the schedule ticks keep the other
      Thread.sleep(confirm);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return 0;
    }
    int lost = 0;
    int restarted = 0;
    for (LostRuns.Unfinished run : unknown) {
      if (known(run) || !lostRuns.untouched(run)) {
        continue;
      }
      if (starter.restartLost(run.executionId())) {
        restarted++;
      } else {
        events.publish(lostRuns.markLost(run.executionId(), LOST));
        lost++;
      }
    }
    if (lost > 0 || restarted > 0) {
      log.warn("Temporal no longer knew {} runs: marked {} FAILED, restarted {} of idempotent definitions",
          lost + restarted, lost, restarted);
    }
    return lost + restarted;
  }

  /** Whether Temporal knows the run; throws while Temporal cannot be asked (then nothing is touched). */
  private boolean known(LostRuns.Unfinished run) {
    try {
      temporal.getWorkflowServiceStubs().blockingStub().describeWorkflowExecution(
          DescribeWorkflowExecutionRequest.newBuilder()
              .setNamespace(temporal.getOptions().getNamespace())
              .setExecution(WorkflowExecution.newBuilder().setWorkflowId(run.executionId()))
              .build());
      return true;
    } catch (StatusRuntimeException e) {
      if (e.getStatus().getCode() != Status.Code.NOT_FOUND) {
        throw e;
      }
      return false;
    }
  }
}
