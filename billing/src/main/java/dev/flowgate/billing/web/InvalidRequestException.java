package dev.flowgate.billing.web;

import java.util.List;

/** Bad request parameters, answered with a 400 problem listing every field at fault. */
public class InvalidRequestException extends RuntimeException {

  /** One field at fault. */
  public record FieldProblem(String field, String message) {}

  private final List<FieldProblem> errors;

  public InvalidRequestException(List<FieldProblem> errors) {
    super(errors.stream().map(e -> e.field() + ": " + e.message()).reduce((a, b) -> a + "; " + b).orElse("invalid request"));
    this.errors = List.copyOf(errors);
  }

  public List<FieldProblem> errors() {
    return errors;
  }
}
