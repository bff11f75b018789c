package dev.flowgate.contracts;

import com.fasterxml.jackson.annotation.JsonIgnore;

/** A payload that knows the event type and schema version it is published under. */
public interface Versioned {

  @JsonIgnore
  String eventType();

  @JsonIgnore
  int schemaVersion();
}
