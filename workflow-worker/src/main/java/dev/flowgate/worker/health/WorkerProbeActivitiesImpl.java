package dev.flowgate.worker.health;

import dev.flowgate.worker.RuntimeInstance;
import dev.flowgate.worker.TaskQueues;
import io.temporal.spring.boot.ActivityImpl;
import org.springframework.stereotype.Component;

@Component
@ActivityImpl(taskQueues = TaskQueues.WORKFLOWS)
public class WorkerProbeActivitiesImpl implements WorkerProbeActivities {

  private final RuntimeInstance instance;

  public WorkerProbeActivitiesImpl(RuntimeInstance instance) {
    this.instance = instance;
  }

  @Override
  public String identify(String nonce) {
    return instance.source();
  }
}
