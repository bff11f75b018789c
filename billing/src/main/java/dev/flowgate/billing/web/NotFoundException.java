package dev.flowgate.billing.web;

/** A resource that does not exist, or belongs to another tenant: answered with a 404 problem. */
public class NotFoundException extends RuntimeException {

  public NotFoundException(String detail) {
    super(detail);
  }
}
