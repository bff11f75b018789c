package dev.flowgate.worker.health;

import dev.flowgate.worker.TaskQueues;
import dev.flowgate.worker.WorkerProperties;
import io.temporal.api.workflowservice.v1.GetSystemInfoRequest;
import io.temporal.serviceclient.WorkflowServiceStubs;
import io.temporal.worker.WorkerFactory;
import java.util.concurrent.TimeUnit;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * {@code temporal}: UP when the Temporal frontend answers within the timeout and the workers are
 * polling; part of the readiness group, so an unreachable Temporal takes the worker out of rotation.
 */
@Component("temporal")
public class TemporalHealthIndicator implements HealthIndicator {

  private final WorkflowServiceStubs stubs;
  private final WorkerFactory workers;
  private final WorkerProperties properties;

  TemporalHealthIndicator(WorkflowServiceStubs stubs, WorkerFactory workers, WorkerProperties properties) {
    this.stubs = stubs;
    this.workers = workers;
    this.properties = properties;
  }

  @Override
  public Health health() {
    String target = stubs.getOptions().getTarget();
    try {
      var info =
          stubs.blockingStub()
              .withDeadlineAfter(properties.temporalHealthTimeout().toMillis(), TimeUnit.MILLISECONDS)
              .getSystemInfo(GetSystemInfoRequest.getDefaultInstance());
      Health.Builder health = workers.isStarted() && !workers.isShutdown() ? Health.up() : Health.down();
      return health
          .withDetail("target", target)
          .withDetail("serverVersion", info.getServerVersion())
          .withDetail("taskQueue", TaskQueues.WORKFLOWS)
          .withDetail("workersStarted", workers.isStarted())
          .build();
    } catch (RuntimeException e) {
      return Health.down()
          .withDetail("target", target)
          .withDetail("error", e.getClass().getSimpleName() + ": " + e.getMessage())
          .build();
    }
  }
}
