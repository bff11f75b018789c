package dev.flowgate.worker.runs;

import dev.flowgate.worker.TaskQueues;
import io.temporal.spring.boot.ActivityImpl;
import org.springframework.stereotype.Component;

@Component
@ActivityImpl(taskQueues = TaskQueues.WORKFLOWS)
public class RunIndexActivitiesImpl implements RunIndexActivities {

  private final RunIndex index;

  public RunIndexActivitiesImpl(RunIndex index) {
    this.index = index;
  }

  @Override
  public void record(RunSnapshot snapshot) {
    index.record(snapshot);
  }
}
