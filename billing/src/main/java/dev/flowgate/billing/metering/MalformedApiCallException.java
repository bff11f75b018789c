package dev.flowgate.billing.metering;

/** A record that can never be metered (bad JSON, wrong type or version, missing fields): dead-letter it. */
public class MalformedApiCallException extends RuntimeException {

  MalformedApiCallException(String message, Throwable cause) {
    super(message, cause);
  }

  MalformedApiCallException(String message) {
    super(message);
  }
}
