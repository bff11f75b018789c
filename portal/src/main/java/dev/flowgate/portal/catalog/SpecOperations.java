package dev.flowgate.portal.catalog;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/** The operations of a service's own OpenAPI document that one route publishes, by public path. */
final class SpecOperations {

  private static final List<String> METHODS = List.of("get", "put", "post", "delete", "options", "head", "patch", "trace");

  private SpecOperations() {}

  /**
   * @param routePaths the route's paths as configured
   * @param allowedMethods the methods the route accepts (upper case)
   * @param basePath the path of the service's URL, see {@link SpecPaths#pathOf}
   */
  static List<CatalogOperation> forRoute(ObjectNode document, List<String> routePaths, boolean stripPath,
      List<String> allowedMethods, String basePath) {
    String serverPath = SpecPaths.serverPath(document);
    ObjectNode components = document.path("components").isObject()
        ? (ObjectNode) document.get("components") : JsonNodeFactory.instance.objectNode();
    List<CatalogOperation> operations = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (Map.Entry<String, JsonNode> path : document.path("paths").properties()) {
      if (!path.getValue().isObject()) {
        continue;
      }
      for (String raw : routePaths) {
        SpecPaths.publicPath(raw, stripPath, basePath, serverPath, path.getKey()).ifPresent(publicPath -> {
          for (String method : METHODS) {
            JsonNode operation = path.getValue().get(method);
            String upper = method.toUpperCase(Locale.ROOT);
            if (operation != null && operation.isObject() && allowedMethods.contains(upper) && seen.add(upper + " " + publicPath)) {
              operations.add(new CatalogOperation(upper, publicPath, path.getKey(), summary(operation),
                  withPathParameters((ObjectNode) operation, path.getValue()), components));
            }
          }
        });
      }
    }
    return List.copyOf(operations);
  }

  private static String summary(JsonNode operation) {
    String summary = operation.path("summary").asString("");
    return summary.isBlank() ? operation.path("operationId").asString("") : summary;
  }

  /** A copy of the operation holding the path item's parameters too, unless it overrides them (same name and place). */
  private static ObjectNode withPathParameters(ObjectNode operation, JsonNode pathItem) {
    ObjectNode copy = operation.deepCopy();
    JsonNode shared = pathItem.path("parameters");
    if (!shared.isArray() || shared.isEmpty()) {
      return copy;
    }
    ArrayNode parameters = copy.has("parameters") && copy.get("parameters").isArray()
        ? (ArrayNode) copy.get("parameters") : copy.putArray("parameters");
    Set<String> own = new HashSet<>();
    parameters.forEach(p -> own.add(p.path("in").asString("") + ":" + p.path("name").asString("") + p.path("$ref").asString("")));
    for (JsonNode parameter : shared) {
      if (!own.contains(parameter.path("in").asString("") + ":" + parameter.path("name").asString("") + parameter.path("$ref").asString(""))) {
        parameters.add(parameter.deepCopy());
      }
    }
    return copy;
  }
}
