package dev.flowgate.worker.runs;

import dev.flowgate.worker.TaskQueues;
import dev.flowgate.worker.events.WorkflowEventPublisher;
import io.temporal.spring.boot.ActivityImpl;
import java.util.Arrays;
import org.springframework.stereotype.Component;

@Component
@ActivityImpl(taskQueues = TaskQueues.WORKFLOWS)
public class RunIndexActivitiesImpl implements RunIndexActivities {

  private static final int STRIPES = 64;

  private final RunIndex index;
  private final WorkflowEventPublisher events;
  private final Object[] locks = new Object[STRIPES];

  public RunIndexActivitiesImpl(RunIndex index, WorkflowEventPublisher events) {
    this.index = index;
    this.events = events;
    Arrays.setAll(locks, i -> new Object());
  }

  /**
   * Writes the snapshot, then publishes the transitions it made. The index commits first, so an
   * event never announces a state the index lacks; the lock keeps one run's concurrent snapshots
   * from queueing their transitions out of order between the commit and the queue.
   */
  @Override
  public void record(RunSnapshot snapshot) {
    synchronized (locks[Math.floorMod(snapshot.executionId().hashCode(), STRIPES)]) {
      events.publish(index.record(snapshot));
    }
  }
}
