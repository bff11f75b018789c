package dev.flowgate.portal.routing;

import dev.flowgate.portal.base.problems.InvalidInputException.FieldError;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * The {@code body} part of {@code request_transform} / {@code response_transform}:
 * {@code {"remove": [pointer], "rename": {from: to}, "add": {pointer: value}}} with RFC 6901 JSON
 * Pointers, applied by the gateway in that order. Checked at save, each mistake at its own field
 * ({@code policies[0].config.body.rename./user/mail}): a malformed pointer, a part of the wrong
 * shape, a value renamed into itself, and an add or rename whose target lies under a path an
 * earlier step removed (its parent would be missing in every body).
 */
final class BodyMappingRules {

  private static final Set<String> PARTS = Set.of("remove", "rename", "add");
  private static final String EXAMPLE = "a JSON Pointer such as /user/email";

  private BodyMappingRules() {}

  /** @param at the field of the body part, e.g. {@code policies[0].config.body} */
  static void check(String at, JsonNode body, List<FieldError> errors) {
    if (!body.isObject()) {
      errors.add(new FieldError(at, "must be an object {remove?, rename?, add?}"));
      return;
    }
    body.propertyNames().forEach(name -> {
      if (!PARTS.contains(name)) {
        errors.add(new FieldError(at + "." + name, "unknown part (known: add, remove, rename)"));
      }
    });
    List<List<String>> removed = new ArrayList<>();
    JsonNode remove = body.path("remove");
    if (!remove.isMissingNode() && !remove.isArray()) {
      errors.add(new FieldError(at + ".remove", "must list JSON Pointers such as /internal"));
    }
    for (int i = 0; remove.isArray() && i < remove.size(); i++) {
      List<String> pointer = pointer(at + ".remove[" + i + "]", remove.get(i), errors);
      if (pointer != null) {
        removed.add(pointer);
      }
    }
    List<List<String>> movedTo = new ArrayList<>();
    for (Map.Entry<String, JsonNode> rename : fields(at + ".rename", body.path("rename"), errors)) {
      String field = at + ".rename." + rename.getKey();
      List<String> from = pointer(field, rename.getKey(), errors);
      List<String> to = pointer(field, rename.getValue(), errors);
      if (from == null || to == null) {
        continue;
      }
      if (under(to, from)) {
        errors.add(new FieldError(field, "cannot move a value into itself (" + rename.getValue().asString() + ")"));
      } else {
        underRemoved(field, to, removed, List.of(), errors);
      }
      removed.add(from);
      movedTo.add(to);
    }
    for (Map.Entry<String, JsonNode> add : fields(at + ".add", body.path("add"), errors)) {
      String field = at + ".add." + add.getKey();
      List<String> target = pointer(field, add.getKey(), errors);
      if (target != null) {
        underRemoved(field, target, removed, movedTo, errors);
      }
    }
  }

  private static List<Map.Entry<String, JsonNode>> fields(String at, JsonNode part, List<FieldError> errors) {
    if (part.isMissingNode()) {
      return List.of();
    }
    if (!part.isObject()) {
      errors.add(new FieldError(at, "must be an object keyed by JSON Pointers"));
      return List.of();
    }
    return List.copyOf(part.properties());
  }

  /** A target whose parent an earlier step removed, unless a rename put something back there. */
  private static void underRemoved(
      String field, List<String> target, List<List<String>> removed, List<List<String>> movedTo,
      List<FieldError> errors) {
    for (List<String> gone : removed) {
      boolean restored = movedTo.stream().anyMatch(to -> to.equals(gone) || under(gone, to));
      if (under(target, gone) && !restored) {
        errors.add(new FieldError(field, "its parent " + render(gone)
            + " is removed by an earlier step (remove, then rename, then add), so it would be missing"));
        return;
      }
    }
  }

  private static @Nullable List<String> pointer(String field, JsonNode value, List<FieldError> errors) {
    if (!value.isString()) {
      errors.add(new FieldError(field, "must be " + EXAMPLE));
      return null;
    }
    return pointer(field, value.asString(), errors);
  }

  /** The unescaped tokens of an RFC 6901 pointer, or null (with the error) when it is none or the root. */
  private static @Nullable List<String> pointer(String field, String text, List<FieldError> errors) {
    if (text.isEmpty()) {
      errors.add(new FieldError(field, "must point inside the body: " + EXAMPLE));
      return null;
    }
    if (text.charAt(0) != '/') {
      errors.add(new FieldError(field, "'" + text + "' is not a JSON Pointer: it must start with '/', e.g. /user/email"));
      return null;
    }
    if (!text.matches("(/([^~/]|~[01])*)+")) {
      errors.add(new FieldError(field, "'" + text + "' is not a JSON Pointer: '~' must be followed by 0 or 1 "
          + "(~0 is '~', ~1 is '/')"));
      return null;
    }
    List<String> tokens = new ArrayList<>();
    for (String token : text.substring(1).split("/", -1)) {
      tokens.add(token.replace("~1", "/").replace("~0", "~"));
    }
    return tokens;
  }

  /** Whether {@code inner} lies strictly inside {@code outer}. */
  private static boolean under(List<String> inner, List<String> outer) {
    return inner.size() > outer.size() && inner.subList(0, outer.size()).equals(outer);
  }

  private static String render(List<String> tokens) {
    StringBuilder text = new StringBuilder();
    tokens.forEach(token -> text.append('/').append(token.replace("~", "~0").replace("/", "~1")));
    return text.toString();
  }
}
