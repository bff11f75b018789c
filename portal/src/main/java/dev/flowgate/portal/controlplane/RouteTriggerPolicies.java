package dev.flowgate.portal.controlplane;

import dev.flowgate.contracts.EventCodec;
import dev.flowgate.contracts.config.GatewaySnapshot;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The {@code workflow_trigger} policies that {@code api_route} workflow triggers put on their
 * routes, in the shape the gateway's {@code WorkflowTrigger} policy reads:
 * {@code {workflowId, mode, inputTemplate}}, plus {@code workflowVersion} (null: current) and
 * {@code triggerId} for the run's record. The trigger's policy comes first, so it wins over a
 * hand-written one (the gateway uses the first usable policy).
 */
final class RouteTriggerPolicies {

  static final String POLICY = "workflow_trigger";

  private RouteTriggerPolicies() {}

  /** Route id → its trigger policies, oldest trigger first; read in the snapshot's transaction. */
  static Map<UUID, List<GatewaySnapshot.Policy>> read(JdbcClient jdbc) {
    Map<UUID, List<GatewaySnapshot.Policy>> byRoute = new HashMap<>();
    jdbc.sql("""
            select t.id, t.route_id, t.workflow_id, t.mode, t.workflow_version, t.input_template::text as input_template
            from workflow_triggers t join routes r on r.id = t.route_id and r.tenant_id = t.tenant_id
            where t.type = 'api_route' order by t.created_at, t.id""")
        .query((rs, n) -> {
          ObjectNode config = JsonNodeFactory.instance.objectNode();
          config.put("workflowId", rs.getObject("workflow_id", UUID.class).toString());
          config.put("mode", rs.getString("mode") == null ? "async" : rs.getString("mode"));
          int version = rs.getInt("workflow_version");
          if (rs.wasNull()) {
            config.putNull("workflowVersion");
          } else {
            config.put("workflowVersion", version);
          }
          String template = rs.getString("input_template");
          if (template != null) {
            config.set("inputTemplate", EventCodec.mapper().readTree(template));
          }
          config.put("triggerId", rs.getObject("id", UUID.class).toString());
          byRoute.computeIfAbsent(rs.getObject("route_id", UUID.class), k -> new ArrayList<>())
              .add(new GatewaySnapshot.Policy(POLICY, config));
          return config;
        })
        .list();
    return byRoute;
  }

  /** The route with its triggers' policies in front of its own. */
  static GatewaySnapshot.Route withTriggers(GatewaySnapshot.Route route, Map<UUID, List<GatewaySnapshot.Policy>> byRoute) {
    List<GatewaySnapshot.Policy> triggers = byRoute.get(route.id());
    if (triggers == null) {
      return route;
    }
    List<GatewaySnapshot.Policy> policies = new ArrayList<>(triggers);
    policies.addAll(route.policies());
    return new GatewaySnapshot.Route(route.id(), route.tenantId(), route.serviceId(), route.name(), route.paths(),
        route.methods(), route.hosts(), route.stripPath(), policies);
  }
}
