package dev.flowgate.gateway.config;

/** A snapshot that cannot be served: it is logged and the current configuration stays. */
public class InvalidSnapshotException extends Exception {

  public InvalidSnapshotException(String message, Throwable cause) {
    super(message, cause);
  }

  public InvalidSnapshotException(String message) {
    super(message);
  }
}
