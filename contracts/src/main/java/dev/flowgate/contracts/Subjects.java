package dev.flowgate.contracts;

import java.util.UUID;

/** NATS subjects. Workflow subjects are JetStream-backed; the others are plain NATS. */
public final class Subjects {

  public static final String CONFIG_INVALIDATIONS = "config.invalidations";
  public static final String HEALTH_HEARTBEATS = "health.heartbeats";

  /** Billing's quota state per tenant ({@code QuotaStateChanged}); plain NATS, re-sent while blocked. */
  public static final String BILLING_QUOTAS = "billing.quotas";
  public static final String WORKFLOW_TRIGGERS_ALL = "workflow.triggers.>";
  public static final String WORKFLOW_SIGNALS_ALL = "workflow.signals.>";

  /** JetStream stream holding both trigger and signal subjects. */
  public static final String WORKFLOW_STREAM = "FLOWGATE_WORKFLOWS";

  public static String workflowTriggers(UUID tenantId) {
    return "workflow.triggers." + tenantId;
  }

  public static String workflowSignals(UUID tenantId) {
    return "workflow.signals." + tenantId;
  }

  private Subjects() {}
}
