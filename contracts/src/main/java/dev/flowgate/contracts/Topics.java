package dev.flowgate.contracts;

/** Kafka topics; every record is keyed by its tenant id. */
public final class Topics {

  public static final String API_CALLS = "api.calls";
  public static final String AUDIT_LOGS = "audit.logs";
  public static final String WORKFLOW_EVENTS = "workflow.events";
  public static final String THIRD_PARTY_INTERACTIONS = "third-party.interactions";

  /** Where a record that could not be processed after its retries goes, with the reason. */
  public static String deadLetter(String topic) {
    return topic + ".dlq";
  }

  private Topics() {}
}
