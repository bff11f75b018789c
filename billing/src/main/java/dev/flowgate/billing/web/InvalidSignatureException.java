package dev.flowgate.billing.web;

/** A webhook whose signature is wrong, missing or too old: a 400 problem of type {@code invalid-signature}. */
public class InvalidSignatureException extends RuntimeException {

  public InvalidSignatureException(String detail) {
    super(detail);
  }
}
