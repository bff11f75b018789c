package dev.flowgate.worker.schedules;

import dev.flowgate.worker.dsl.WorkflowDefinition;
import dev.flowgate.worker.runs.RunStarter;
import dev.flowgate.worker.triggers.PortalDefinitions;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * This worker's scheduler: every tick it fires what is due. Runs start with trigger type
 * {@code schedule} on the definition the portal serves (the pinned version, or the current one).
 */
@Component
class SchedulerLoop {

  private static final Logger log = LoggerFactory.getLogger(SchedulerLoop.class);

  private final SchedulesProperties properties;
  private final Scheduler scheduler;

  SchedulerLoop(SchedulesProperties properties, ScheduleRepository schedules, TransactionTemplate transactions,
      RunStarter runs, PortalDefinitions definitions, Clock clock) {
    this.properties = properties;
    this.scheduler = new Scheduler(schedules, transactions, (schedule, fireTime) -> {
      WorkflowDefinition definition = definitions.fetch(schedule.tenantId(), schedule.workflowId(), schedule.version());
      try {
        runs.start(schedule.tenantId(), schedule.workflowId(), schedule.version(), definition, schedule.input(),
            schedule.executionId(fireTime), "schedule");
      } catch (RunStarter.InvalidDefinitionException e) {
        throw new IllegalStateException("the workflow definition is invalid: " + e.errors(), e);
      }
    }, properties, clock);
  }

  @Scheduled(initialDelayString = "${flowgate.worker.schedules.tick:1s}", fixedDelayString = "${flowgate.worker.schedules.tick:1s}")
  void fireDue() {
    if (!properties.enabled()) {
      return;
    }
    try {
      scheduler.tick();
    } catch (RuntimeException e) {
      log.warn("schedules not fired this tick: {}", e.getMessage());
    }
  }
}
