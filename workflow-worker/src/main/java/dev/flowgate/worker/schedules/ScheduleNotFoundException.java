package dev.flowgate.worker.schedules;

/** No schedule of this id for this tenant and workflow. */
class ScheduleNotFoundException extends RuntimeException {

  ScheduleNotFoundException(String id) {
    super("no schedule " + id);
  }
}
