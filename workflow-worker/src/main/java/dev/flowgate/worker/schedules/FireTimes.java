package dev.flowgate.worker.schedules;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import org.springframework.scheduling.support.CronExpression;

/**
 * Which fire times of a schedule are due, and when it fires next.
 *
 * <p>A due fire time no older than the grace period is on time and always fires (a scheduler tick
 * always lags a little); older ones were missed (the workers were down) and the missed-run policy
 * decides: SKIP fires none, RUN_ONCE the latest, RUN_ALL the latest {@value #RUN_ALL_LIMIT}.
 */
public final class FireTimes {

  public static final int RUN_ALL_LIMIT = 10;
  /** After a long outage of a frequent schedule, counting stops here; older fire times are skipped. */
  private static final int SCAN_LIMIT = 100_000;

  private FireTimes() {}

  /**
   * @param fires the fire times to start runs for, oldest first
   * @param next the first fire time after {@code now}
   */
  public record Plan(List<Instant> fires, Instant next) {}

  public static Plan plan(CronExpression cron, ZoneId zone, MissedRunPolicy policy, Instant due, Instant now, Duration grace) {
    List<Instant> missed = new ArrayList<>();
    List<Instant> onTime = new ArrayList<>();
    Instant t = due;
    int scanned = 0;
    while (!t.isAfter(now)) {
      if (++scanned > SCAN_LIMIT) {
        t = next(cron, zone, now);
        break;
      }
      (t.isBefore(now.minus(grace)) ? missed : onTime).add(t);
      t = next(cron, zone, t);
    }
    List<Instant> fires = new ArrayList<>(switch (policy) {
      case SKIP -> List.<Instant>of();
      case RUN_ONCE -> missed.isEmpty() ? List.<Instant>of() : List.of(missed.getLast());
      case RUN_ALL -> missed.subList(Math.max(0, missed.size() - RUN_ALL_LIMIT), missed.size());
    });
    fires.addAll(onTime);
    return new Plan(List.copyOf(fires), t);
  }

  /** The first fire time strictly after {@code after}. */
  public static Instant next(CronExpression cron, ZoneId zone, Instant after) {
    ZonedDateTime next = cron.next(after.atZone(zone));
    if (next == null) {
      throw new IllegalArgumentException("the cron expression never fires");
    }
    return next.toInstant();
  }
}
