package dev.flowgate.gateway.workflow;

import dev.flowgate.contracts.config.GatewaySnapshot.Policy;
import dev.flowgate.contracts.config.GatewaySnapshot.Route;
import java.util.Locale;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * A route's {@code workflow_trigger} policy: {@code {"workflowId", "mode": "async|passthrough", "inputTemplate"}}.
 *
 * @param inputTemplate null to send the whole request context as the run's input
 */
public record WorkflowTrigger(UUID workflowId, boolean passthrough, @Nullable JsonNode inputTemplate) {

  public static final String POLICY = "workflow_trigger";

  /** The route's trigger, or null when it has none (or only an unusable one). */
  public static @Nullable WorkflowTrigger of(Route route) {
    for (Policy policy : route.policies()) {
      if (POLICY.equals(policy.type()) && policy.config() != null) {
        WorkflowTrigger trigger = parse(policy.config());
        if (trigger != null) {
          return trigger;
        }
      }
    }
    return null;
  }

  static @Nullable WorkflowTrigger parse(JsonNode config) {
    try {
      UUID workflowId = UUID.fromString(config.path("workflowId").asString(""));
      String mode = config.path("mode").asString("async").toLowerCase(Locale.ROOT);
      if (!mode.equals("async") && !mode.equals("passthrough")) {
        return null;
      }
      JsonNode template = config.get("inputTemplate");
      return new WorkflowTrigger(workflowId, mode.equals("passthrough"),
          template == null || template.isNull() ? null : template);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  public static String statusEndpoint(String executionId) {
    return "/_flowgate/workflow-runs/" + executionId;
  }
}
