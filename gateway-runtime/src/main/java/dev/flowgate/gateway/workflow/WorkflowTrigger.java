package dev.flowgate.gateway.workflow;

import dev.flowgate.contracts.config.GatewaySnapshot.Policy;
import dev.flowgate.contracts.config.GatewaySnapshot.Route;
import java.util.Locale;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * A route's {@code workflow_trigger} policy: {@code {"workflowId", "mode": "async|passthrough",
 * "inputTemplate", "workflowVersion"?, "triggerId"?}}.
 *
 * @param inputTemplate null to send the whole request context as the run's input
 * @param workflowVersion the pinned version, or null for the workflow's current one
 * @param triggerId the portal's trigger the policy comes from, when it says so
 */
public record WorkflowTrigger(
    UUID workflowId, boolean passthrough, @Nullable JsonNode inputTemplate,
    @Nullable Integer workflowVersion, @Nullable UUID triggerId) {

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
      JsonNode version = config.path("workflowVersion");
      String triggerId = config.path("triggerId").asString("");
      return new WorkflowTrigger(workflowId, mode.equals("passthrough"),
          template == null || template.isNull() ? null : template,
          version.isIntegralNumber() && version.asInt() > 0 ? version.asInt() : null,
          triggerId.isEmpty() ? null : UUID.fromString(triggerId));
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  public static String statusEndpoint(String executionId) {
    return "/_flowgate/workflow-runs/" + executionId;
  }
}
