package dev.flowgate.worker.schedules;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.springframework.scheduling.support.CronExpression;

class FireTimesTest {

  static final CronExpression EVERY_MINUTE = CronExpression.parse("0 * * * * *");
  static final ZoneId UTC = ZoneOffset.UTC;
  static final Duration GRACE = Duration.ofSeconds(30);
  /** The scheduler comes back at 12:00:05 after being down since 11:30. */
  static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-01T12:00:05Z"), UTC);
  static final Instant DUE_SINCE = Instant.parse("2026-03-01T11:31:00Z");

  @Test
  void a_fire_time_due_a_moment_ago_fires_under_every_policy() {
    for (MissedRunPolicy policy : MissedRunPolicy.values()) {
      FireTimes.Plan plan = FireTimes.plan(EVERY_MINUTE, UTC, policy, Instant.parse("2026-03-01T12:00:00Z"), CLOCK.instant(), GRACE);
      assertThat(plan.fires()).as(policy.name()).containsExactly(Instant.parse("2026-03-01T12:00:00Z"));
      assertThat(plan.next()).isEqualTo(Instant.parse("2026-03-01T12:01:00Z"));
    }
  }

  @Test
  void skip_drops_the_fire_times_missed_during_downtime() {
    FireTimes.Plan plan = FireTimes.plan(EVERY_MINUTE, UTC, MissedRunPolicy.SKIP, DUE_SINCE, CLOCK.instant(), GRACE);

    assertThat(plan.fires()).containsExactly(Instant.parse("2026-03-01T12:00:00Z"));
    assertThat(plan.next()).isEqualTo(Instant.parse("2026-03-01T12:01:00Z"));
  }

  @Test
  void run_once_collapses_the_missed_fire_times_into_one_run_at_the_latest() {
    FireTimes.Plan plan = FireTimes.plan(EVERY_MINUTE, UTC, MissedRunPolicy.RUN_ONCE, DUE_SINCE,
        Instant.parse("2026-03-01T12:00:45Z"), GRACE);

    assertThat(plan.fires()).containsExactly(Instant.parse("2026-03-01T12:00:00Z"));
    assertThat(plan.next()).isEqualTo(Instant.parse("2026-03-01T12:01:00Z"));
  }

  @Test
  void run_all_replays_the_missed_fire_times_bounded_to_the_latest_ten() {
    FireTimes.Plan plan = FireTimes.plan(EVERY_MINUTE, UTC, MissedRunPolicy.RUN_ALL, DUE_SINCE, CLOCK.instant(), GRACE);

    assertThat(plan.fires()).hasSize(11);
    assertThat(plan.fires().getFirst()).isEqualTo(Instant.parse("2026-03-01T11:50:00Z"));
    assertThat(plan.fires().get(9)).isEqualTo(Instant.parse("2026-03-01T11:59:00Z"));
    assertThat(plan.fires().getLast()).isEqualTo(Instant.parse("2026-03-01T12:00:00Z"));
    assertThat(plan.next()).isEqualTo(Instant.parse("2026-03-01T12:01:00Z"));
  }

  @Test
  void run_all_with_fewer_missed_than_the_bound_replays_each_of_them() {
    FireTimes.Plan plan = FireTimes.plan(EVERY_MINUTE, UTC, MissedRunPolicy.RUN_ALL, Instant.parse("2026-03-01T11:58:00Z"),
        Instant.parse("2026-03-01T11:59:50Z"), GRACE);

    assertThat(plan.fires()).containsExactly(Instant.parse("2026-03-01T11:58:00Z"), Instant.parse("2026-03-01T11:59:00Z"));
  }

  @Test
  void nothing_fires_before_the_next_fire_time() {
    FireTimes.Plan plan = FireTimes.plan(EVERY_MINUTE, UTC, MissedRunPolicy.RUN_ALL, Instant.parse("2026-03-01T12:01:00Z"),
        CLOCK.instant(), GRACE);

    assertThat(plan.fires()).isEmpty();
    assertThat(plan.next()).isEqualTo(Instant.parse("2026-03-01T12:01:00Z"));
  }

  @Test
  void the_cron_is_read_in_the_schedules_time_zone_across_a_daylight_saving_change() {
    CronExpression nineAm = CronExpression.parse("0 0 9 * * *");
    ZoneId berlin = ZoneId.of("Europe/Berlin");

    assertThat(FireTimes.next(nineAm, berlin, Instant.parse("2026-03-28T12:00:00Z")))
        .isEqualTo(Instant.parse("2026-03-29T07:00:00Z"));
    assertThat(FireTimes.next(nineAm, berlin, Instant.parse("2026-03-27T12:00:00Z")))
        .isEqualTo(Instant.parse("2026-03-28T08:00:00Z"));
  }
}
