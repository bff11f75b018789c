package dev.flowgate.portal.catalog;

import dev.flowgate.contracts.config.GatewaySnapshot.Policy;
import tools.jackson.databind.JsonNode;

/** One short, human line per route policy, for the catalog's policies column. */
final class PolicySummary {

  private PolicySummary() {}

  static String of(Policy policy) {
    JsonNode c = policy.config() == null ? tools.jackson.databind.node.MissingNode.getInstance() : policy.config();
    return switch (policy.type()) {
      case "key_auth" -> "API key required";
      case "jwt_auth" -> "JWT from " + c.path("issuer").asString("?");
      case "rate_limit" -> "Rate limit " + c.path("limit").asLong() + " per " + c.path("windowSeconds").asLong() + " s";
      case "request_transform" -> "Request transform";
      case "response_transform" -> "Response transform";
      case "pii_masking" -> "PII masking (" + c.path("fields").size() + " fields)";
      case "workflow_trigger" -> "Workflow trigger (" + c.path("mode").asString("async") + ")";
      case "cors" -> "CORS";
      case "ip_filter" -> "IP allow/deny";
      case "json_schema_validation" -> "Request schema validation";
      case "response_cache" -> "Response cache " + c.path("ttlSeconds").asLong() + " s";
      default -> policy.type();
    };
  }
}
