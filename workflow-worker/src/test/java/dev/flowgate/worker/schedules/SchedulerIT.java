package dev.flowgate.worker.schedules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.flowgate.worker.WorkerIntegrationTest;
import dev.flowgate.worker.dsl.DefinitionParser;
import dev.flowgate.worker.dsl.WorkflowDefinition;
import dev.flowgate.worker.runs.RunStarter;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/** Schedulers against the real test database (and the real worker for the runs they start). */
@WorkerIntegrationTest
class SchedulerIT {

  static final WorkflowDefinition ONE_STEP = DefinitionParser.parse("""
      {"name": "tick", "steps": [{"id": "t", "type": "transform", "config": {"expression": "input.n"}}]}""");

  @Autowired ScheduleRepository schedules;
  @Autowired TransactionTemplate transactions;
  @Autowired RunStarter runs;
  @Autowired JdbcClient jdbc;

  private Schedule schedule(String cron, MissedRunPolicy policy, Instant nextFireAt) {
    return new Schedule("it-" + UUID.randomUUID(), UUID.randomUUID(), "wf-" + UUID.randomUUID(), 1, cron, "UTC", policy,
        Map.of("n", 7), nextFireAt, null, true);
  }

  @Test
  void two_schedulers_on_one_database_start_each_fire_time_of_an_every_second_schedule_exactly_once() throws Exception {
    Schedule every = schedule("* * * * * *", MissedRunPolicy.SKIP, Instant.now().plusSeconds(1).truncatedTo(ChronoUnit.SECONDS));
    assertThat(schedules.save(every)).isTrue();
    Map<Instant, AtomicInteger> launches = new ConcurrentHashMap<>();
    ScheduledRunLauncher launcher = (schedule, fireTime) -> {
      if (schedule.id().equals(every.id())) {
        launches.computeIfAbsent(fireTime, t -> new AtomicInteger()).incrementAndGet();
        runs.start(schedule.tenantId(), schedule.workflowId(), schedule.version(), ONE_STEP, schedule.input(),
            schedule.executionId(fireTime), "schedule");
      }
    };
    SchedulesProperties properties = new SchedulesProperties(true, Duration.ofMillis(50), Duration.ofSeconds(30), 100);
    List<Thread> schedulers = new ArrayList<>();
    long until = System.nanoTime() + Duration.ofSeconds(5).toNanos();
    for (int i = 0; i < 2; i++) {
      Scheduler scheduler = new Scheduler(schedules, transactions, launcher, properties, Clock.systemUTC());
      schedulers.add(Thread.ofPlatform().name("scheduler-it-" + i).start(() -> {
        while (System.nanoTime() < until) {
          scheduler.tick();
          try {
            Thread.sleep(20);
          } catch (InterruptedException e) {
            return;
          }
        }
      }));
    }
    for (Thread scheduler : schedulers) {
      scheduler.join();
    }

    assertThat(launches.size()).isBetween(4, 6);
    assertThat(launches.values()).allMatch(count -> count.get() == 1);
    List<Instant> fired = launches.keySet().stream().sorted().toList();
    for (int i = 1; i < fired.size(); i++) {
      assertThat(Duration.between(fired.get(i - 1), fired.get(i))).isEqualTo(Duration.ofSeconds(1));
    }
    Schedule after = schedules.find(every.tenantId(), every.workflowId(), every.id()).orElseThrow();
    assertThat(after.lastFiredAt()).isEqualTo(fired.getLast());
    assertThat(after.nextFireAt()).isAfter(fired.getLast());
    await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.sql("""
            select count(*) from workflows.workflow_runs
            where tenant_id = :tenant and trigger_type = 'schedule' and status = 'COMPLETED'""")
        .param("tenant", every.tenantId()).query(Long.class).single() == fired.size());
    List<String> ids = jdbc.sql("select execution_id from workflows.workflow_runs where tenant_id = :tenant order by execution_id")
        .param("tenant", every.tenantId()).query(String.class).list();
    assertThat(ids).containsExactlyElementsOf(fired.stream().map(every::executionId).sorted().toList());
    schedules.delete(every.tenantId(), every.workflowId(), every.id());
  }

  @Test
  void after_downtime_run_all_replays_at_most_ten_missed_fire_times_and_moves_past_now() {
    Instant now = Instant.now();
    Schedule minutely = schedule("0 * * * * *", MissedRunPolicy.RUN_ALL,
        now.minus(Duration.ofHours(1)).truncatedTo(ChronoUnit.MINUTES));
    assertThat(schedules.save(minutely)).isTrue();
    List<Instant> launched = new ArrayList<>();
    Scheduler scheduler = new Scheduler(schedules, transactions, (schedule, fireTime) -> {
      if (schedule.id().equals(minutely.id())) {
        launched.add(fireTime);
      }
    }, new SchedulesProperties(true, Duration.ofSeconds(1), Duration.ofMillis(1), 100), Clock.systemUTC());

    scheduler.tick();

    assertThat(launched).hasSize(FireTimes.RUN_ALL_LIMIT);
    assertThat(launched.getLast()).isBeforeOrEqualTo(now).isAfter(now.minus(Duration.ofMinutes(1)));
    assertThat(schedules.find(minutely.tenantId(), minutely.workflowId(), minutely.id()).orElseThrow().nextFireAt())
        .isAfter(now);
    schedules.delete(minutely.tenantId(), minutely.workflowId(), minutely.id());
  }
}
