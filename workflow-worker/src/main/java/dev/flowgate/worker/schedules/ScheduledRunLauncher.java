package dev.flowgate.worker.schedules;

import java.io.IOException;
import java.time.Instant;

/** Starts the run of one fire time of a schedule, under {@link Schedule#executionId(Instant)}. */
@FunctionalInterface
public interface ScheduledRunLauncher {

  /**
   * Starts the run, or finds it started (idempotent on the execution id).
   *
   * @throws IOException when a peer (the portal) is unreachable: the fire time is retried later
   * @throws IllegalStateException when the run can never start (no such version): the fire time is dropped
   */
  void launch(Schedule schedule, Instant fireTime) throws IOException, InterruptedException;
}
