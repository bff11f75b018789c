package dev.flowgate.portal.base.problems;

/** The request clashes with the current state (a taken email, a service still in use): 409. */
public class ConflictException extends RuntimeException {

  public ConflictException(String detail) {
    super(detail);
  }
}
