package dev.flowgate.e2e;

/** Settings the journeys read from the environment {@code deploy/local/test} runs them in. */
final class Env {

  private Env() {}

  static String required(String name) {
    String value = System.getenv(name);
    if (value == null || value.isBlank()) {
      throw new IllegalStateException(name + " is not set: run the journeys through deploy/local/test, which provides it");
    }
    return value;
  }

  /** The variable's value, or {@code fallback} when it is unset or blank. */
  static String or(String name, String fallback) {
    String value = System.getenv(name);
    return value == null || value.isBlank() ? fallback : value;
  }
}
