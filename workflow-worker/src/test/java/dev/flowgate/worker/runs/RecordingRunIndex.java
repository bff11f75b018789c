package dev.flowgate.worker.runs;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Run index activities that keep every snapshot in memory, for workflow tests. */
public final class RecordingRunIndex implements RunIndexActivities {

  private final List<RunSnapshot> snapshots = new CopyOnWriteArrayList<>();

  @Override
  public void record(RunSnapshot snapshot) {
    snapshots.add(snapshot);
  }

  public List<RunSnapshot> of(String executionId) {
    return snapshots.stream().filter(s -> s.executionId().equals(executionId)).toList();
  }
}
