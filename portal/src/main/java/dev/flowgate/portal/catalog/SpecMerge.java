package dev.flowgate.portal.catalog;

import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Puts the operations of services' own documents into the tenant's one catalog document. Each
 * service's components move under a name prefix ({@code orders.Order}) with every {@code $ref}
 * rewritten, so two services' {@code Order} schemas do not collide; the operations lose their own
 * {@code servers} and {@code security}, since every call goes through the gateway with a key.
 */
final class SpecMerge {

  private static final List<String> KINDS = List.of("schemas", "responses", "parameters", "examples", "requestBodies",
      "headers", "links", "callbacks");
  private static final String LOCAL = "#/components/";

  private SpecMerge() {}

  /** The component name prefix of a service: component names allow only {@code A-Z a-z 0-9 . _ -}. */
  static String prefix(String serviceName) {
    return serviceName.replaceAll("[^A-Za-z0-9_-]", "_") + ".";
  }

  static ObjectNode operation(CatalogOperation source, CatalogRoute route) {
    String prefix = prefix(route.serviceName());
    ObjectNode operation = (ObjectNode) rewrite(source.operation(), prefix);
    operation.remove("servers");
    operation.remove("security");
    operation.putArray("tags").add(route.serviceName());
    String id = operation.path("operationId").asString("");
    operation.put("operationId", prefix + (id.isBlank()
        ? source.method().toLowerCase(java.util.Locale.ROOT) + source.specPath().replaceAll("[^A-Za-z0-9]+", "_") : id)
        + "_" + route.id().toString().substring(0, 8));
    operation.put("x-flowgate-route-id", route.id().toString());
    return operation;
  }

  /** Copies a service's components into the document's, under its prefix. */
  static void components(ObjectNode target, CatalogOperation any, String serviceName) {
    String prefix = prefix(serviceName);
    for (String kind : KINDS) {
      JsonNode entries = any.components().path(kind);
      if (!entries.isObject() || entries.isEmpty()) {
        continue;
      }
      ObjectNode into = target.has(kind) ? (ObjectNode) target.get(kind) : target.putObject(kind);
      for (Map.Entry<String, JsonNode> entry : entries.properties()) {
        into.set(prefix + entry.getKey(), rewrite(entry.getValue(), prefix));
      }
    }
  }

  /** A copy with every local {@code $ref} pointed at the prefixed component. */
  static JsonNode rewrite(JsonNode node, String prefix) {
    if (node.isObject()) {
      ObjectNode copy = JsonNodeFactory.instance.objectNode();
      for (Map.Entry<String, JsonNode> field : node.properties()) {
        JsonNode value = field.getValue();
        if (field.getKey().equals("$ref") && value.isString() && value.asString().startsWith(LOCAL)) {
          String rest = value.asString().substring(LOCAL.length());
          int slash = rest.indexOf('/');
          copy.put("$ref", slash < 0 ? value.asString() : LOCAL + rest.substring(0, slash + 1) + prefix + rest.substring(slash + 1));
        } else {
          copy.set(field.getKey(), rewrite(value, prefix));
        }
      }
      return copy;
    }
    if (node.isArray()) {
      ArrayNode copy = JsonNodeFactory.instance.arrayNode();
      node.forEach(item -> copy.add(rewrite(item, prefix)));
      return copy;
    }
    return node;
  }
}
