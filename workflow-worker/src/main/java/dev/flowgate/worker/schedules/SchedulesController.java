package dev.flowgate.worker.schedules;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.scheduling.support.CronExpression;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Schedule triggers of a workflow, as the portal manages them (internal API, tenant-scoped). */
@RestController
@RequestMapping("/internal/v1/tenants/{tenantId}/workflows/{workflowId}/schedules")
class SchedulesController {

  private final ScheduleRepository schedules;
  private final Clock clock;

  SchedulesController(ScheduleRepository schedules, Clock clock) {
    this.schedules = schedules;
    this.clock = clock;
  }

  /** A schedule as the portal sends it; zone defaults to UTC, policy to SKIP. */
  record PutSchedule(
      @Nullable Integer version, @Nullable String cron, @Nullable String zoneId, @Nullable MissedRunPolicy missedRunPolicy,
      @Nullable Map<String, Object> input, @Nullable Boolean enabled) {}

  @PutMapping("/{scheduleId}")
  Schedule put(@PathVariable UUID tenantId, @PathVariable String workflowId, @PathVariable String scheduleId,
      @RequestBody PutSchedule body) {
    if (!scheduleId.matches("[A-Za-z0-9_.-]{1,100}")) {
      throw new InvalidScheduleException("scheduleId", "1 to 100 letters, digits, '_', '.' or '-'");
    }
    CronExpression cron = cron(body.cron());
    ZoneId zone = zone(body.zoneId() == null ? "UTC" : body.zoneId());
    Instant next;
    try {
      next = FireTimes.next(cron, zone, clock.instant());
    } catch (IllegalArgumentException e) {
      throw new InvalidScheduleException("cron", e.getMessage());
    }
    Schedule schedule = new Schedule(scheduleId, tenantId, workflowId, body.version(), body.cron(), zone.getId(),
        body.missedRunPolicy() == null ? MissedRunPolicy.SKIP : body.missedRunPolicy(),
        body.input() == null ? Map.of() : body.input(), next, null, body.enabled() == null || body.enabled());
    if (!schedules.save(schedule)) {
      throw new ScheduleNotFoundException(scheduleId);
    }
    return schedules.find(tenantId, workflowId, scheduleId).orElseThrow(() -> new ScheduleNotFoundException(scheduleId));
  }

  @GetMapping
  List<Schedule> list(@PathVariable UUID tenantId, @PathVariable String workflowId) {
    return schedules.list(tenantId, workflowId);
  }

  @DeleteMapping("/{scheduleId}")
  ResponseEntity<Void> delete(@PathVariable UUID tenantId, @PathVariable String workflowId, @PathVariable String scheduleId) {
    if (!schedules.delete(tenantId, workflowId, scheduleId)) {
      throw new ScheduleNotFoundException(scheduleId);
    }
    return ResponseEntity.noContent().build();
  }

  private static CronExpression cron(@Nullable String cron) {
    if (cron == null || cron.isBlank()) {
      throw new InvalidScheduleException("cron", "required: six fields, second minute hour day month weekday");
    }
    try {
      return CronExpression.parse(cron);
    } catch (IllegalArgumentException e) {
      throw new InvalidScheduleException("cron", e.getMessage());
    }
  }

  private static ZoneId zone(String zoneId) {
    try {
      return ZoneId.of(zoneId);
    } catch (DateTimeException e) {
      throw new InvalidScheduleException("zoneId", "unknown time zone '" + zoneId + "'");
    }
  }
}
