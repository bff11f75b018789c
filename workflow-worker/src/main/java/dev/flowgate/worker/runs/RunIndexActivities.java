package dev.flowgate.worker.runs;

import io.temporal.activity.ActivityInterface;
import io.temporal.activity.ActivityMethod;

/** Writes the interpreting workflow's progress to the run index in PostgreSQL. */
@ActivityInterface
public interface RunIndexActivities {

  /** Stores {@code snapshot} unless the index already holds a newer revision of the run. */
  @ActivityMethod
  void record(RunSnapshot snapshot);
}
