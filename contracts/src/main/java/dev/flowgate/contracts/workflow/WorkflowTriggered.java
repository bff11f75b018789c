package dev.flowgate.contracts.workflow;

import dev.flowgate.contracts.Versioned;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * A request to start a workflow run, published on {@code workflow.triggers.{tenant}}.
 *
 * <p>The publisher chooses {@code executionId}; the worker starts the run under that id, so a
 * trigger delivered twice starts one run.
 */
public record WorkflowTriggered(
    String executionId,
    UUID tenantId,
    UUID workflowId,
    @Nullable Integer workflowVersion,
    @Nullable UUID triggerId,
    String triggerType,
    JsonNode input,
    @Nullable String requestId)
    implements Versioned {

  public static final String TYPE = "workflow.triggered";
  public static final int VERSION = 1;

  @Override
  public String eventType() {
    return TYPE;
  }

  @Override
  public int schemaVersion() {
    return VERSION;
  }
}
