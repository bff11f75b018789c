package dev.flowgate.worker.schedules;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A schedule trigger of one workflow.
 *
 * @param version the pinned workflow version, or null for the current one at each fire
 * @param cron a Spring cron expression with seconds ({@code second minute hour day month weekday})
 * @param zoneId the time zone the cron is read in
 * @param input the trigger input of every run
 * @param nextFireAt the next fire time not yet handled
 */
public record Schedule(
    String id,
    UUID tenantId,
    String workflowId,
    @Nullable Integer version,
    String cron,
    String zoneId,
    MissedRunPolicy missedRunPolicy,
    Map<String, Object> input,
    Instant nextFireAt,
    @Nullable Instant lastFiredAt,
    boolean enabled) {

  /** The execution id of the run for one fire time: a second fire of it finds the run started. */
  public String executionId(Instant fireTime) {
    return "sched-" + id + "-" + fireTime.getEpochSecond();
  }
}
