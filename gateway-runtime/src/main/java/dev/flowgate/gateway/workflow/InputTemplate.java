package dev.flowgate.gateway.workflow;

import dev.flowgate.contracts.EventCodec;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Renders a trigger's input template over the request context
 * {@code {method, path, query, headers, body}}. The template is JSON; a string that is exactly
 * {@code "{{ a.b.c }}"} becomes the value at that path (any JSON type, null when absent), and
 * {@code {{ ... }}} inside a longer string is replaced by the value's text. No template: the whole
 * context is the input.
 */
public final class InputTemplate {

  private InputTemplate() {}

  public static JsonNode render(@Nullable JsonNode template, JsonNode context) {
    return template == null ? context : renderNode(template, context);
  }

  private static JsonNode renderNode(JsonNode node, JsonNode context) {
    if (node.isObject()) {
      ObjectNode out = EventCodec.mapper().createObjectNode();
      for (Map.Entry<String, JsonNode> field : node.properties()) {
        out.set(field.getKey(), renderNode(field.getValue(), context));
      }
      return out;
    }
    if (node.isArray()) {
      ArrayNode out = EventCodec.mapper().createArrayNode();
      node.forEach(element -> out.add(renderNode(element, context)));
      return out;
    }
    if (node.isString()) {
      return renderString(node.asString(), context);
    }
    return node;
  }

  private static JsonNode renderString(String text, JsonNode context) {
    String trimmed = text.strip();
    if (trimmed.startsWith("{{") && trimmed.endsWith("}}") && trimmed.indexOf("{{", 2) < 0) {
      JsonNode value = lookup(trimmed.substring(2, trimmed.length() - 2).strip(), context);
      return value == null ? EventCodec.mapper().nullNode() : value;
    }
    StringBuilder out = new StringBuilder();
    int at = 0;
    for (int open = text.indexOf("{{"); open >= 0; open = text.indexOf("{{", at)) {
      int close = text.indexOf("}}", open + 2);
      if (close < 0) {
        break;
      }
      out.append(text, at, open);
      JsonNode value = lookup(text.substring(open + 2, close).strip(), context);
      if (value != null && !value.isNull()) {
        out.append(value.isValueNode() ? value.asString() : value.toString());
      }
      at = close + 2;
    }
    out.append(text.substring(at));
    return EventCodec.mapper().getNodeFactory().stringNode(out.toString());
  }

  private static @Nullable JsonNode lookup(String path, JsonNode context) {
    JsonNode current = context;
    for (String part : path.split("\\.")) {
      if (current == null || part.isEmpty()) {
        return null;
      }
      current = current.isArray() && part.chars().allMatch(Character::isDigit)
          ? current.get(Integer.parseInt(part)) : current.get(part);
    }
    return current;
  }
}
