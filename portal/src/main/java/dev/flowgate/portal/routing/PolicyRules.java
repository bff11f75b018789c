package dev.flowgate.portal.routing;

import dev.flowgate.contracts.config.GatewaySnapshot.Policy;
import dev.flowgate.portal.base.problems.InvalidInputException.FieldError;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * Checks each route policy's config at save, so a mistake shows at the field
 * ({@code policies[1].config.windowSeconds}) rather than as a gateway surprise. The shapes of
 * {@code rate_limit} and {@code workflow_trigger} are the gateway's; the others are pinned here.
 */
final class PolicyRules {

  static final Map<String, String> TYPES = Map.ofEntries(
      Map.entry("key_auth", "{} — an API key is required"),
      Map.entry("jwt_auth", "{jwksUri, issuer, audience}"),
      Map.entry("rate_limit", "{limit, windowSeconds}"),
      Map.entry("request_transform", "{setHeaders?, removeHeaders?, body?: {remove?, rename?, add?} with JSON Pointers}"),
      Map.entry("response_transform", "{setHeaders?, removeHeaders?, body?: {remove?, rename?, add?} with JSON Pointers}"),
      Map.entry("pii_masking", "{fields: [json paths or names]}"),
      Map.entry("workflow_trigger", "{workflowId, mode: async|passthrough, inputTemplate?}"),
      Map.entry("cors", "{allowedOrigins, allowedMethods?, allowCredentials?, maxAgeSeconds?}"),
      Map.entry("ip_filter", "{allow?: [CIDR], deny?: [CIDR]}"),
      Map.entry("json_schema_validation", "{schema}"),
      Map.entry("response_cache", "{ttlSeconds}"));
  private static final Pattern ORIGIN = Pattern.compile("\\*|https?://[A-Za-z0-9.-]+(:[0-9]{1,5})?");
  private static final Set<String> METHODS = Set.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS");

  private PolicyRules() {}

  /** @param workflowExists whether a workflow id is one of the tenant's */
  static void check(int index, Policy policy, Predicate<UUID> workflowExists, List<FieldError> errors) {
    String at = "policies[" + index + "]";
    if (!TYPES.containsKey(policy.type())) {
      errors.add(new FieldError(at + ".type", "unknown policy type '" + policy.type() + "' (known: "
          + String.join(", ", TYPES.keySet().stream().sorted().toList()) + ")"));
      return;
    }
    JsonNode config = policy.config();
    if (config != null && !config.isNull() && !config.isObject()) {
      errors.add(new FieldError(at + ".config", "must be an object: " + TYPES.get(policy.type())));
      return;
    }
    JsonNode present = config == null || config.isNull() ? JsonNodeFactory.instance.objectNode() : config;
    Config c = new Config(at + ".config", present, errors);
    switch (policy.type()) {
      case "rate_limit" -> {
        c.range("limit", 1, 1_000_000_000L, true);
        c.range("windowSeconds", 1, 86_400, true);
      }
      case "jwt_auth" -> {
        c.require("jwksUri", v -> v.isString() && https(v.asString()), "must be an https URL");
        c.require("issuer", v -> v.isString() && !v.asString().isBlank(), "must not be empty");
        c.require("audience", v -> v.isString() && !v.asString().isBlank(), "must not be empty");
      }
      case "workflow_trigger" -> {
        c.require("workflowId", v -> v.isString() && uuid(v.asString()) && workflowExists.test(UUID.fromString(v.asString())),
            "must be the id of one of your workflows");
        c.optional("mode", v -> v.isString() && Set.of("async", "passthrough").contains(v.asString()), "must be async or passthrough");
      }
      case "cors" -> {
        c.require("allowedOrigins", v -> nonEmptyStrings(v, s -> ORIGIN.matcher(s).matches()), "must list '*' or origins such as https://app.example");
        c.optional("allowedMethods", v -> nonEmptyStrings(v, METHODS::contains), "must list HTTP methods in capitals");
        c.optional("allowCredentials", JsonNode::isBoolean, "must be true or false");
        c.range("maxAgeSeconds", 0, 86_400, false);
      }
      case "ip_filter" -> {
        c.optional("allow", v -> nonEmptyStrings(v, PolicyRules::cidr), "must list CIDRs such as 10.0.0.0/8");
        c.optional("deny", v -> nonEmptyStrings(v, PolicyRules::cidr), "must list CIDRs such as 10.0.0.0/8");
        if (!c.node.has("allow") && !c.node.has("deny")) {
          errors.add(new FieldError(at + ".config", "must set allow or deny"));
        }
      }
      case "pii_masking" -> c.require("fields", v -> nonEmptyStrings(v, s -> !s.isBlank()), "must list the fields to mask");
      case "json_schema_validation" -> c.require("schema", JsonNode::isObject, "must be a JSON Schema object");
      case "response_cache" -> c.range("ttlSeconds", 1, 86_400, true);
      case "request_transform", "response_transform" -> {
        c.optional("setHeaders", JsonNode::isObject, "must be an object of header names to values");
        c.optional("removeHeaders", v -> nonEmptyStrings(v, s -> !s.isBlank()), "must list header names");
        if (c.node.has("body")) {
          BodyMappingRules.check(at + ".config.body", c.node.get("body"), errors);
        }
      }
      default -> { }
    }
  }

  private record Config(String at, JsonNode node, List<FieldError> errors) {

    void require(String field, Predicate<JsonNode> valid, String message) {
      if (!node.has(field) || !valid.test(node.get(field))) {
        errors.add(new FieldError(at + "." + field, message));
      }
    }

    void optional(String field, Predicate<JsonNode> valid, String message) {
      if (node.has(field) && !valid.test(node.get(field))) {
        errors.add(new FieldError(at + "." + field, message));
      }
    }

    void range(String field, long min, long max, boolean required) {
      Predicate<JsonNode> valid = v -> v.isIntegralNumber() && v.asLong() >= min && v.asLong() <= max;
      if (required) {
        require(field, valid, "must be a whole number from " + min + " to " + max);
      } else {
        optional(field, valid, "must be a whole number from " + min + " to " + max);
      }
    }
  }

  private static boolean nonEmptyStrings(JsonNode value, Predicate<String> each) {
    if (!value.isArray() || value.isEmpty()) {
      return false;
    }
    for (JsonNode item : value) {
      if (!item.isString() || !each.test(item.asString())) {
        return false;
      }
    }
    return true;
  }

  private static boolean https(String value) {
    try {
      URI uri = URI.create(value);
      return "https".equals(uri.getScheme()) && uri.getHost() != null;
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  private static boolean uuid(String value) {
    try {
      UUID.fromString(value);
      return true;
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  private static boolean cidr(String value) {
    try {
      Cidr.parse(value);
      return true;
    } catch (IllegalArgumentException e) {
      return false;
    }
  }
}
