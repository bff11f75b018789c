package dev.flowgate.billing.web;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/** Every error answered by a controller becomes an RFC 9457 problem with a Flowgate type. */
@RestControllerAdvice
class ProblemDetailsAdvice extends ResponseEntityExceptionHandler {

  private static final Logger log = LoggerFactory.getLogger(ProblemDetailsAdvice.class);

  @ExceptionHandler(InvalidRequestException.class)
  ResponseEntity<ProblemDetail> invalidRequest(InvalidRequestException ex) {
    ProblemDetail problem = Problems.of(HttpStatus.BAD_REQUEST, "Invalid request", ex.getMessage());
    problem.setProperty("errors", ex.errors());
    return ResponseEntity.badRequest().body(problem);
  }

  @ExceptionHandler(NotFoundException.class)
  ResponseEntity<ProblemDetail> notFound(NotFoundException ex) {
    return ResponseEntity.status(HttpStatus.NOT_FOUND).body(Problems.of(HttpStatus.NOT_FOUND, "Not found", ex.getMessage()));
  }

  @ExceptionHandler(InvalidSignatureException.class)
  ResponseEntity<ProblemDetail> invalidSignature(InvalidSignatureException ex) {
    ProblemDetail problem = Problems.of(HttpStatus.BAD_REQUEST, "Invalid signature", ex.getMessage());
    problem.setType(Problems.type("invalid-signature"));
    return ResponseEntity.badRequest().body(problem);
  }

  @ExceptionHandler(Exception.class)
  ResponseEntity<ProblemDetail> unexpected(Exception ex) {
    log.error("Request failed", ex);
    return ResponseEntity.internalServerError()
        .body(Problems.of(HttpStatus.INTERNAL_SERVER_ERROR, "Internal error", "The request could not be completed."));
  }

  /** Gives Spring MVC's own problems (missing parameter, wrong method, no such path) our types. */
  @Override
  protected @Nullable ResponseEntity<Object> handleExceptionInternal(
      Exception ex, @Nullable Object body, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
    ResponseEntity<Object> response = super.handleExceptionInternal(ex, body, headers, status, request);
    if (response != null && response.getBody() instanceof ProblemDetail problem) {
      problem.setType(Problems.type(Problems.slugFor(status)));
    }
    return response;
  }
}
