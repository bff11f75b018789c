package dev.flowgate.worker.runs;

import dev.flowgate.worker.events.WorkflowEventPublisher;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.temporal.api.common.v1.WorkflowExecution;
import io.temporal.api.workflowservice.v1.DescribeWorkflowExecutionRequest;
import io.temporal.client.WorkflowClient;
import java.time.Duration;
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

  RunReconciler(LostRuns lostRuns, WorkflowClient temporal, WorkflowEventPublisher events, RunStarter starter,
      RunsProperties properties) {
    this.lostRuns = lostRuns;
    this.temporal = temporal;
    this.events = events;
    this.starter = starter;
    this.quiet = properties.reconcileQuiet();
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

  /** Checks every quiet unfinished run; returns how many Temporal had lost (marked FAILED or restarted). */
  int reconcile(Duration quietFor) {
    int lost = 0;
    int restarted = 0;
    for (String executionId : lostRuns.unfinished(quietFor, 500)) {
      try {
        temporal.getWorkflowServiceStubs().blockingStub().describeWorkflowExecution(
            DescribeWorkflowExecutionRequest.newBuilder()
                .setNamespace(temporal.getOptions().getNamespace())
                .setExecution(WorkflowExecution.newBuilder().setWorkflowId(executionId))
                .build());
      } catch (StatusRuntimeException e) {
        if (e.getStatus().getCode() != Status.Code.NOT_FOUND) {
          throw e;
        }
        if (starter.restartLost(executionId)) {
          restarted++;
        } else {
          events.publish(lostRuns.markLost(executionId, LOST));
          lost++;
        }
      }
    }
    if (lost > 0 || restarted > 0) {
      log.warn("Temporal no longer knew {} runs: marked {} FAILED, restarted {} of idempotent definitions",
          lost + restarted, lost, restarted);
    }
    return lost + restarted;
  }
}
