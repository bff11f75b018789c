package dev.flowgate.worker.runs;

import java.net.URI;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** RFC 9457 problem details for the internal API's failures. */
@RestControllerAdvice
class RunsProblemAdvice {

  @ExceptionHandler
  ProblemDetail invalid(RunStarter.InvalidDefinitionException e) {
    ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "invalid-definition", e.getMessage());
    problem.setProperty("errors", e.errors());
    return problem;
  }

  @ExceptionHandler
  ProblemDetail notFound(RunStarter.RunNotFoundException e) {
    return problem(HttpStatus.NOT_FOUND, "not-found", e.getMessage());
  }

  @ExceptionHandler
  ProblemDetail notRunning(RunStarter.RunNotRunningException e) {
    return problem(HttpStatus.CONFLICT, "run-not-running", e.getMessage());
  }

  @ExceptionHandler
  ProblemDetail notRetryable(RunRetries.RunNotRetryableException e) {
    return problem(HttpStatus.CONFLICT, "run-not-retryable", e.getMessage());
  }

  @ExceptionHandler
  ProblemDetail temporalDown(io.temporal.client.WorkflowServiceException e) {
    ProblemDetail problem = problem(HttpStatus.SERVICE_UNAVAILABLE, "temporal-unavailable",
        "the workflow engine is not reachable; retry later");
    problem.setProperty("retry_after", 5);
    return problem;
  }

  @ExceptionHandler
  ProblemDetail badRequest(IllegalArgumentException e) {
    return problem(HttpStatus.BAD_REQUEST, "bad-request", e.getMessage());
  }

  private static ProblemDetail problem(HttpStatus status, String slug, String detail) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
    problem.setType(URI.create("https://flowgate.dev/problems/" + slug));
    return problem;
  }
}
