package dev.flowgate.portal.base.problems;

/** A service the portal depends on (billing) did not answer: 503. */
public class UnavailableException extends RuntimeException {

  public UnavailableException(String detail, Throwable cause) {
    super(detail, cause);
  }
}
