package dev.flowgate.gateway.policies;

import dev.flowgate.contracts.EventCodec;
import dev.flowgate.contracts.config.GatewaySnapshot.Policy;
import dev.flowgate.contracts.config.GatewaySnapshot.Route;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * The {@code body} part of a {@code request_transform} or {@code response_transform}:
 * {@code {"remove": [pointer], "rename": {from: to}, "add": {pointer: value}}}, JSON Pointers
 * (RFC 6901) applied in that order, each edit as JSON Patch's {@code remove}, {@code move} and
 * {@code add}. An edit whose path is missing (nothing to remove or rename, no parent to add
 * under) is skipped; the others still apply. The portal refuses bad pointers at save; here an
 * unparseable one is ignored. Thread-safe: the config values are copied into each body.
 */
public record BodyMapping(
    List<JsonPointer> remove, List<Map.Entry<JsonPointer, JsonPointer>> rename,
    List<Map.Entry<JsonPointer, JsonNode>> add) {

  public BodyMapping {
    remove = List.copyOf(remove);
    rename = List.copyOf(rename);
    add = List.copyOf(add);
  }

  /** @param type {@link HeaderTransform#REQUEST} or {@link HeaderTransform#RESPONSE}; null when it maps no body */
  public static @Nullable BodyMapping of(Route route, String type) {
    for (Policy policy : route.policies()) {
      if (type.equals(policy.type()) && policy.config() != null) {
        return parse(policy.config().path("body"));
      }
    }
    return null;
  }

  static @Nullable BodyMapping parse(JsonNode body) {
    if (!body.isObject()) {
      return null;
    }
    List<JsonPointer> remove = new ArrayList<>();
    for (JsonNode path : body.path("remove")) {
      JsonPointer pointer = pointer(path.asString(""));
      if (pointer != null) {
        remove.add(pointer);
      }
    }
    List<Map.Entry<JsonPointer, JsonPointer>> rename = new ArrayList<>();
    body.path("rename").properties().forEach(field -> {
      JsonPointer from = pointer(field.getKey());
      JsonPointer to = field.getValue().isString() ? pointer(field.getValue().asString()) : null;
      if (from != null && to != null && !from.isAncestorOf(to)) {
        rename.add(Map.entry(from, to));
      }
    });
    List<Map.Entry<JsonPointer, JsonNode>> add = new ArrayList<>();
    body.path("add").properties().forEach(field -> {
      JsonPointer at = pointer(field.getKey());
      if (at != null) {
        add.add(Map.entry(at, field.getValue().deepCopy()));
      }
    });
    return remove.isEmpty() && rename.isEmpty() && add.isEmpty() ? null : new BodyMapping(remove, rename, add);
  }

  /** Edits {@code root} in place (objects and arrays only) and returns it. */
  public JsonNode apply(JsonNode root) {
    if (!root.isContainer()) {
      return root;
    }
    for (JsonPointer pointer : remove) {
      pointer.remove(root);
    }
    for (Map.Entry<JsonPointer, JsonPointer> move : rename) {
      JsonNode value = move.getKey().remove(root);
      if (value != null && !move.getValue().add(root, value)) {
        move.getKey().add(root, value); // no parent at the target: leave the value where it was
      }
    }
    for (Map.Entry<JsonPointer, JsonNode> entry : add) {
      entry.getKey().add(root, entry.getValue().deepCopy());
    }
    return root;
  }

  /** The mapped JSON document, or null when {@code json} is not JSON (it then passes unchanged). */
  public byte @Nullable [] apply(byte[] json) {
    JsonNode tree;
    try {
      tree = EventCodec.mapper().readTree(json);
    } catch (RuntimeException notJson) {
      return null;
    }
    if (tree == null || tree.isMissingNode()) {
      return null;
    }
    return EventCodec.toBytes(apply(tree));
  }

  private static @Nullable JsonPointer pointer(String text) {
    try {
      JsonPointer pointer = JsonPointer.parse(text);
      return pointer.isRoot() ? null : pointer;
    } catch (IllegalArgumentException e) {
      return null;
    }
  }
}
