package dev.flowgate.worker.schedules;

import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.support.CronExpression;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Fires due schedules, each fire time once however many schedulers run against the database.
 *
 * <p>Each schedule is handled in its own transaction: the row is claimed with
 * {@code FOR UPDATE SKIP LOCKED} (another scheduler passes over it), its due fire times are
 * planned with the missed-run policy, their runs started under deterministic execution ids, and
 * {@code next_fire_at} moved past now before the commit releases the row. Should the commit fail
 * after a start, the next claim starts the same execution ids again, which start nothing.
 */
public class Scheduler {

  private static final Logger log = LoggerFactory.getLogger(Scheduler.class);

  private final ScheduleRepository schedules;
  private final TransactionTemplate transactions;
  private final ScheduledRunLauncher launcher;
  private final SchedulesProperties properties;
  private final Clock clock;

  public Scheduler(ScheduleRepository schedules, TransactionTemplate transactions, ScheduledRunLauncher launcher,
      SchedulesProperties properties, Clock clock) {
    this.schedules = schedules;
    this.transactions = transactions;
    this.launcher = launcher;
    this.properties = properties;
    this.clock = clock;
  }

  /** Handles due schedules until none is left (or the batch is done, or a peer is down); returns how many. */
  public int tick() {
    int handled = 0;
    while (handled < properties.batch()) {
      Boolean claimed = transactions.execute(status -> {
        Instant now = clock.instant();
        Optional<Schedule> due = schedules.claimDue(now);
        if (due.isEmpty()) {
          return false;
        }
        try {
          fire(due.get(), now);
          return true;
        } catch (IOException e) {
          log.warn("schedule {} waits: {}", due.get().id(), e.getMessage());
          status.setRollbackOnly();
          return null;
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          status.setRollbackOnly();
          return null;
        }
      });
      if (!Boolean.TRUE.equals(claimed)) {
        return handled;
      }
      handled++;
    }
    return handled;
  }

  private void fire(Schedule schedule, Instant now) throws IOException, InterruptedException {
    FireTimes.Plan plan = FireTimes.plan(CronExpression.parse(schedule.cron()), ZoneId.of(schedule.zoneId()),
        schedule.missedRunPolicy(), schedule.nextFireAt(), now, properties.grace());
    Instant last = null;
    for (Instant fireTime : plan.fires()) {
      try {
        launcher.launch(schedule, fireTime);
        last = fireTime;
      } catch (IllegalStateException e) {
        log.error("schedule {} fire time {} dropped: {}", schedule.id(), fireTime, e.getMessage());
      }
    }
    schedules.advance(schedule.id(), plan.next(), last);
  }
}
