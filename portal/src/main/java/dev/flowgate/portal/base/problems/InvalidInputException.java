package dev.flowgate.portal.base.problems;

import java.util.List;

/** Input that fails a rule the services check themselves: 400 with field errors. */
public class InvalidInputException extends RuntimeException {

  private final List<FieldError> errors;

  public InvalidInputException(List<FieldError> errors) {
    super(errors.stream().map(e -> e.field() + ": " + e.message()).reduce((a, b) -> a + "; " + b).orElse("invalid input"));
    this.errors = List.copyOf(errors);
  }

  public InvalidInputException(String field, String message) {
    this(List.of(new FieldError(field, message)));
  }

  public List<FieldError> errors() {
    return errors;
  }

  /** One rejected field; {@code field} is the JSON property path. */
  public record FieldError(String field, String message) {}
}
