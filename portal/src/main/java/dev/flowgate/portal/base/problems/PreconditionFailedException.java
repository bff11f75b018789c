package dev.flowgate.portal.base.problems;

/** An {@code If-Match} that no longer names the current state of the resource: 412. */
public class PreconditionFailedException extends RuntimeException {

  public PreconditionFailedException(String detail) {
    super(detail);
  }
}
