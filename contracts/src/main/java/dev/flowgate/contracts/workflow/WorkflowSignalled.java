package dev.flowgate.contracts.workflow;

import dev.flowgate.contracts.Versioned;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/** A named signal for a running workflow, published on {@code workflow.signals.{tenant}}. */
public record WorkflowSignalled(
    String executionId,
    UUID tenantId,
    String signal,
    @Nullable JsonNode payload,
    @Nullable UUID actorId)
    implements Versioned {

  public static final String TYPE = "workflow.signalled";
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
