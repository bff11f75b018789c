package dev.flowgate.worker.schedules;

import java.net.URI;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** RFC 9457 problem details for the schedules API. */
@RestControllerAdvice(assignableTypes = SchedulesController.class)
class SchedulesProblemAdvice {

  @ExceptionHandler
  ProblemDetail invalid(InvalidScheduleException e) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.field() + ": " + e.getMessage());
    problem.setType(URI.create("https://flowgate.dev/problems/invalid-schedule"));
    problem.setProperty("field", e.field());
    problem.setProperty("errors", List.of(Map.of("field", e.field(), "message", String.valueOf(e.getMessage()))));
    return problem;
  }

  @ExceptionHandler
  ProblemDetail notFound(ScheduleNotFoundException e) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, e.getMessage());
    problem.setType(URI.create("https://flowgate.dev/problems/not-found"));
    return problem;
  }
}
