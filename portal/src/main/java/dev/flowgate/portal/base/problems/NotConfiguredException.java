package dev.flowgate.portal.base.problems;

/**
 * A feature this installation has not set up (password reset without an SMTP server): 503, with no
 * {@code Retry-After}, since retrying does not help until an operator configures it.
 */
public class NotConfiguredException extends RuntimeException {

  public NotConfiguredException(String detail) {
    super(detail);
  }
}
