package dev.flowgate.worker.schedules;

/** A schedule refused before it is stored, naming the field at fault. */
class InvalidScheduleException extends RuntimeException {

  private final String field;

  InvalidScheduleException(String field, String message) {
    super(message);
    this.field = field;
  }

  String field() {
    return field;
  }
}
