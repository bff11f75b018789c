package dev.flowgate.portal.catalog;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * What the try-it console shows of an operation of a service's own document: its request and
 * response schemas with {@code $ref}s resolved (to a depth, so recursive schemas stay finite), the
 * request example the document gives, and the path with its parameters' examples filled in.
 */
final class OperationSamples {

  private static final JsonMapper PRETTY = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();
  private static final Pattern PARAMETER = Pattern.compile("\\{([^}/]+)}");
  private static final int MAX_DEPTH = 12;
  /** Inlining a shared schema everywhere can grow a document exponentially; past this, references stay. */
  private static final int MAX_NODES = 5_000;
  private static final String LOCAL = "#/components/";

  private OperationSamples() {}

  /** The JSON (or first) request body's example, pretty-printed; empty when the document gives none. */
  static String requestExample(CatalogOperation operation) {
    JsonNode media = firstMedia(resolve(operation.operation().path("requestBody"), operation.components()));
    JsonNode example = example(media, operation.components());
    if (example == null) {
      return "";
    }
    return example.isString() ? example.asString() : PRETTY.writeValueAsString(example);
  }

  /** The request body's schema, resolved, or empty. */
  static String requestSchema(CatalogOperation operation) {
    JsonNode media = firstMedia(resolve(operation.operation().path("requestBody"), operation.components()));
    return media.has("schema") ? PRETTY.writeValueAsString(inline(media.get("schema"), operation.components(), 0, new int[] {MAX_NODES})) : "";
  }

  /** Each documented response: status, description and resolved schema and example of its first media type. */
  static String responses(CatalogOperation operation) {
    StringBuilder text = new StringBuilder();
    for (Map.Entry<String, JsonNode> response : operation.operation().path("responses").properties()) {
      JsonNode resolved = resolve(response.getValue(), operation.components());
      text.append(response.getKey()).append(' ').append(resolved.path("description").asString("")).append('\n');
      JsonNode media = firstMedia(resolved);
      if (media.has("schema")) {
        text.append("schema: ").append(PRETTY.writeValueAsString(inline(media.get("schema"), operation.components(), 0, new int[] {MAX_NODES}))).append('\n');
      }
      JsonNode example = example(media, operation.components());
      if (example != null) {
        text.append("example: ").append(example.isString() ? example.asString() : PRETTY.writeValueAsString(example)).append('\n');
      }
      text.append('\n');
    }
    return text.toString().strip();
  }

  /** The public path with each path parameter's example (or schema example) in place; others stay {@code {name}}. */
  static String examplePath(CatalogOperation operation) {
    Matcher matcher = PARAMETER.matcher(operation.path());
    StringBuilder path = new StringBuilder();
    while (matcher.find()) {
      String value = null;
      for (JsonNode parameter : operation.operation().path("parameters")) {
        JsonNode p = resolve(parameter, operation.components());
        if (p.path("in").asString("").equals("path") && p.path("name").asString("").equals(matcher.group(1))) {
          JsonNode example = p.has("example") ? p.get("example") : resolve(p.path("schema"), operation.components()).get("example");
          value = example == null || example.isContainer() ? null : example.asString();
        }
      }
      matcher.appendReplacement(path, Matcher.quoteReplacement(value == null ? matcher.group() : value));
    }
    matcher.appendTail(path);
    return path.toString();
  }

  private static JsonNode firstMedia(JsonNode holder) {
    JsonNode content = holder.path("content");
    if (content.has("application/json")) {
      return content.get("application/json");
    }
    for (Map.Entry<String, JsonNode> media : content.properties()) {
      return media.getValue();
    }
    return JsonNodeFactory.instance.objectNode();
  }

  private static @Nullable JsonNode example(JsonNode media, ObjectNode components) {
    if (media.has("example")) {
      return media.get("example");
    }
    for (Map.Entry<String, JsonNode> named : media.path("examples").properties()) {
      JsonNode value = resolve(named.getValue(), components).get("value");
      if (value != null) {
        return value;
      }
    }
    return resolve(media.path("schema"), components).get("example");
  }

  /** Follows a local {@code $ref} (a chain of them, bounded), else the node itself. */
  static JsonNode resolve(JsonNode node, ObjectNode components) {
    for (int hops = 0; hops < MAX_DEPTH && node.path("$ref").isString(); hops++) {
      String ref = node.path("$ref").asString();
      if (!ref.startsWith(LOCAL)) {
        return node;
      }
      JsonNode target = components.at("/" + ref.substring(LOCAL.length()));
      if (target.isMissingNode()) {
        return node;
      }
      node = target;
    }
    return node;
  }

  /** A copy with local references replaced by what they name, down to {@link #MAX_DEPTH}. */
  private static JsonNode inline(JsonNode node, ObjectNode components, int depth, int[] budget) {
    if (--budget[0] < 0) {
      return node;
    }
    JsonNode resolved = resolve(node, components);
    if (depth >= MAX_DEPTH) {
      return resolved.has("$ref") ? resolved : JsonNodeFactory.instance.objectNode().put("description", "(nested too deep to show)");
    }
    if (resolved.isObject()) {
      ObjectNode copy = JsonNodeFactory.instance.objectNode();
      resolved.properties().forEach(e -> copy.set(e.getKey(), inline(e.getValue(), components, depth + 1, budget)));
      return copy;
    }
    if (resolved.isArray()) {
      var copy = JsonNodeFactory.instance.arrayNode();
      resolved.forEach(item -> copy.add(inline(item, components, depth + 1, budget)));
      return copy;
    }
    return resolved;
  }
}
