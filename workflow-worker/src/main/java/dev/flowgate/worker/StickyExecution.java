package dev.flowgate.worker;

import io.temporal.spring.boot.WorkerOptionsCustomizer;
import io.temporal.worker.WorkerOptions;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Switches Temporal's sticky execution per {@code flowgate.worker.sticky-execution}.
 *
 * <p>With sticky execution a worker, on completing a workflow task, asks the server to route the
 * run's next task to the worker's own sticky queue. A real Temporal cluster falls back to the
 * normal task queue when that task is not picked up within the sticky schedule-to-start timeout
 * (and at once on {@code ShutdownWorker}), so a restarted worker takes the run over. The Java
 * {@code temporal-test-server} that serves as the local dev server (1.38.0) does neither: it pushes
 * the task onto the sticky queue ({@code TestWorkflowStoreImpl}), arms no
 * schedule-to-start timer for workflow tasks, answers {@code ShutdownWorker} with a no-op and does
 * not implement {@code ResetStickyTaskQueue}. A run whose worker stopped therefore never gets its
 * next workflow task: it hangs at {@code WORKFLOW_TASK_SCHEDULED}.
 *
 * <p>Off, the worker sends no sticky attributes (the SDK omits them when the sticky
 * schedule-to-start timeout is zero), so every workflow task goes to the normal queue with the full
 * history and any worker can take it. The cost is a replay per workflow task (and the SDK still
 * spends some workflow pollers on its then empty sticky queue: {@code WorkerFactory} offers no
 * switch for that), which is why a real cluster should run with it on.
 */
@Component
public class StickyExecution implements WorkerOptionsCustomizer {

  private static final Logger log = LoggerFactory.getLogger(StickyExecution.class);

  private final boolean enabled;

  StickyExecution(WorkerProperties properties) {
    this.enabled = properties.stickyExecution();
    if (!enabled) {
      log.info("Temporal sticky execution is off (flowgate.worker.sticky-execution=false): every "
          + "workflow task replays the run's history; turn it on against a real Temporal cluster");
    }
  }

  @Override
  public WorkerOptions.Builder customize(
      WorkerOptions.Builder options, String workerName, String taskQueue) {
    return apply(options, enabled);
  }

  /** Leaves {@code options} as they are when {@code enabled}, else turns sticky execution off. */
  public static WorkerOptions.Builder apply(WorkerOptions.Builder options, boolean enabled) {
    // ReplayWorkflowTaskHandler sends StickyExecutionAttributes only for a non-zero timeout
    return enabled ? options : options.setStickyQueueScheduleToStartTimeout(Duration.ZERO);
  }
}
