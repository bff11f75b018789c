package dev.flowgate.portal.base.problems;

import java.net.URI;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.data.core.PropertyReferenceException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.PropertyBindingException;

/** The one place REST errors become RFC 9457 problem details with stable types. */
@RestControllerAdvice
class ProblemDetailsAdvice extends ResponseEntityExceptionHandler {

  private static final Logger log = LoggerFactory.getLogger(ProblemDetailsAdvice.class);

  @ExceptionHandler(InvalidInputException.class)
  ProblemDetail invalidInput(InvalidInputException e) {
    return validation(e.errors());
  }

  @ExceptionHandler(NotFoundException.class)
  ProblemDetail notFound(NotFoundException e) {
    return Problems.of(HttpStatus.NOT_FOUND, "not-found", "Not found", e.getMessage());
  }

  @ExceptionHandler(TenantSuspendedException.class)
  ProblemDetail tenantSuspended(TenantSuspendedException e) {
    return Problems.of(HttpStatus.FORBIDDEN, "tenant-suspended", "Tenant suspended", e.getMessage());
  }

  @ExceptionHandler(ConflictException.class)
  ProblemDetail conflict(ConflictException e) {
    return Problems.of(HttpStatus.CONFLICT, "conflict", "Conflict", e.getMessage());
  }

  @ExceptionHandler(PreconditionFailedException.class)
  ProblemDetail preconditionFailed(PreconditionFailedException e) {
    return Problems.of(HttpStatus.PRECONDITION_FAILED, "precondition-failed", "Precondition failed", e.getMessage());
  }

  @ExceptionHandler(DataIntegrityViolationException.class)
  ProblemDetail integrity(DataIntegrityViolationException e) {
    log.debug("constraint violated", e);
    return Problems.of(HttpStatus.CONFLICT, "conflict", "Conflict", "The change conflicts with existing data");
  }

  @ExceptionHandler(TooManyRequestsException.class)
  ResponseEntity<ProblemDetail> tooManyRequests(TooManyRequestsException e) {
    return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS)
        .header(HttpHeaders.RETRY_AFTER, String.valueOf(Math.max(1, e.retryAfter().toSeconds())))
        .body(Problems.of(HttpStatus.TOO_MANY_REQUESTS, "too-many-requests", "Too many requests", e.getMessage()));
  }

  @ExceptionHandler(NotConfiguredException.class)
  ProblemDetail notConfigured(NotConfiguredException e) {
    return Problems.of(HttpStatus.SERVICE_UNAVAILABLE, "not-configured", "Not configured", e.getMessage());
  }

  @ExceptionHandler(UnavailableException.class)
  ResponseEntity<ProblemDetail> unavailable(UnavailableException e) {
    log.warn("{}: {}", e.getMessage(), e.getCause() == null ? "" : e.getCause().toString());
    return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
        .header(HttpHeaders.RETRY_AFTER, "30")
        .body(Problems.of(HttpStatus.SERVICE_UNAVAILABLE, "service-unavailable", "Service unavailable", e.getMessage()));
  }

  @ExceptionHandler({DataAccessResourceFailureException.class, CannotCreateTransactionException.class})
  ResponseEntity<ProblemDetail> databaseUnavailable(Exception e) {
    log.warn("database unavailable: {}", e.toString());
    return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
        .header(HttpHeaders.RETRY_AFTER, "10")
        .body(Problems.of(HttpStatus.SERVICE_UNAVAILABLE, "service-unavailable", "Service unavailable",
            "The portal cannot reach its database; retry shortly"));
  }

  @ExceptionHandler({MethodArgumentTypeMismatchException.class, PropertyReferenceException.class})
  ProblemDetail badParameter(Exception e) {
    String field = e instanceof MethodArgumentTypeMismatchException m ? m.getName() : "sort";
    return validation(List.of(new InvalidInputException.FieldError(field, "has an invalid value")));
  }

  @ExceptionHandler(Exception.class)
  ProblemDetail unexpected(Exception e) {
    log.error("unexpected error", e);
    return Problems.of(HttpStatus.INTERNAL_SERVER_ERROR, "internal-error", "Internal error",
        "Something went wrong on our side; please retry");
  }

  @Override
  protected @Nullable ResponseEntity<Object> handleMethodArgumentNotValid(
      MethodArgumentNotValidException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
    List<InvalidInputException.FieldError> errors =
        ex.getBindingResult().getFieldErrors().stream()
            .map(f -> new InvalidInputException.FieldError(f.getField(), String.valueOf(f.getDefaultMessage())))
            .toList();
    return ResponseEntity.badRequest().body(validation(errors));
  }

  /**
   * Unknown and read-only fields (the API's mapper fails on unknown properties, and request
   * records hold only writable fields) and mistyped values answer {@code malformed-request} with
   * {@code errors} naming the field, so mass assignment is refused loudly rather than ignored.
   */
  @Override
  protected @Nullable ResponseEntity<Object> handleHttpMessageNotReadable(
      HttpMessageNotReadableException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
    ProblemDetail problem = Problems.of(HttpStatus.BAD_REQUEST, "malformed-request", "Malformed request",
        "The request body is not valid JSON for this resource");
    if (ex.getCause() instanceof JacksonException jackson && !jackson.getPath().isEmpty()) {
      String field = BodyFields.path(jackson.getPath());
      String message = jackson instanceof PropertyBindingException
          ? "is not a field you can set here (unknown or read-only)"
          : jackson instanceof MismatchedInputException ? "has the wrong type" : "is malformed";
      problem.setDetail("The request body's field '" + field + "' " + message);
      problem.setProperty("errors", List.of(Map.of("field", field, "message", message)));
    }
    return ResponseEntity.badRequest().body(problem);
  }

  @Override
  protected ResponseEntity<Object> handleExceptionInternal(
      Exception ex, @Nullable Object body, HttpHeaders headers, HttpStatusCode statusCode, WebRequest request) {
    if (body instanceof ProblemDetail problem && (problem.getType() == null || "about:blank".equals(problem.getType().toString()))) {
      problem.setType(URI.create(Problems.TYPE_BASE + Problems.slugFor(statusCode.value())));
    }
    return super.handleExceptionInternal(ex, body, headers, statusCode, request);
  }

  private static ProblemDetail validation(List<InvalidInputException.FieldError> errors) {
    ProblemDetail problem =
        Problems.of(HttpStatus.BAD_REQUEST, "validation-error", "Invalid request", "Some fields are invalid");
    problem.setProperty("errors", errors.stream().map(e -> Map.of("field", e.field(), "message", e.message())).toList());
    return problem;
  }
}
