package dev.flowgate.portal.workflows;

import dev.flowgate.portal.base.problems.InvalidInputException.FieldError;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;

/**
 * Structural checks of a workflow definition before it is saved: a name, steps with unique ids
 * and known types, {@code dependsOn} naming existing steps, and no cycles. Step configs are the
 * worker's full validator's business.
 */
final class WorkflowDefinitions {

  static final Set<String> STEP_TYPES = Set.of("http_request", "transform", "condition", "parallel", "delay",
      "wait_for_signal", "webhook", "notify", "sub_workflow");
  static final int MAX_STEPS = 200;
  /**
   * Fields of the workflow resource that a client may read but never write; other unknown
   * top-level fields stay allowed, since the worker ignores them and the designer keeps its layout
   * there.
   */
  static final List<String> READ_ONLY = List.of("id", "tenantId", "currentVersion", "version", "createdAt", "updatedAt", "createdBy");
  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9 ._-]{0,99}");
  private static final Pattern STEP_ID = Pattern.compile("[A-Za-z0-9_-]{1,64}");

  private WorkflowDefinitions() {}

  /** Every error at once, each naming its step ({@code steps[2].dependsOn}, "step 'notify': ..."). */
  static List<FieldError> validate(JsonNode definition) {
    List<FieldError> errors = new ArrayList<>();
    if (!definition.isObject()) {
      return List.of(new FieldError("definition", "must be a JSON object with name and steps"));
    }
    for (String field : READ_ONLY) {
      if (definition.has(field)) {
        errors.add(new FieldError(field, "is not a field you can set here (read-only)"));
      }
    }
    JsonNode name = definition.path("name");
    if (!name.isString() || !NAME.matcher(name.asString()).matches()) {
      errors.add(new FieldError("name", "must be 1-100 characters: letters, digits, spaces, '.', '_' or '-'"));
    }
    JsonNode steps = definition.path("steps");
    if (!steps.isArray() || steps.isEmpty()) {
      errors.add(new FieldError("steps", "must be a non-empty array"));
      return errors;
    }
    if (steps.size() > MAX_STEPS) {
      errors.add(new FieldError("steps", "must have at most " + MAX_STEPS + " steps"));
      return errors;
    }
    Map<String, Integer> index = new LinkedHashMap<>();
    for (int i = 0; i < steps.size(); i++) {
      JsonNode step = steps.get(i);
      String id = step.path("id").isString() ? step.path("id").asString() : null;
      if (id == null || !STEP_ID.matcher(id).matches()) {
        errors.add(new FieldError("steps[" + i + "].id", "step " + (i + 1) + ": id must be 1-64 letters, digits, '_' or '-'"));
      } else if (index.putIfAbsent(id, i) != null) {
        errors.add(new FieldError("steps[" + i + "].id", "step '" + id + "': id is used by another step"));
      }
      String type = step.path("type").isString() ? step.path("type").asString() : "";
      if (!STEP_TYPES.contains(type)) {
        errors.add(new FieldError("steps[" + i + "].type", label(id, i) + ": unknown step type '" + type
            + "' (known: " + String.join(", ", STEP_TYPES.stream().sorted().toList()) + ")"));
      }
    }
    Map<String, List<String>> edges = dependencies(steps, index, errors);
    if (errors.isEmpty()) {
      cycle(edges).ifPresent(step -> errors.add(new FieldError("steps[" + index.get(step) + "].dependsOn",
          "step '" + step + "': dependsOn forms a cycle")));
    }
    return errors;
  }

  private static Map<String, List<String>> dependencies(JsonNode steps, Map<String, Integer> index, List<FieldError> errors) {
    Map<String, List<String>> edges = new HashMap<>();
    for (int i = 0; i < steps.size(); i++) {
      JsonNode step = steps.get(i);
      String id = step.path("id").isString() ? step.path("id").asString() : null;
      JsonNode dependsOn = step.path("dependsOn");
      if (dependsOn.isMissingNode() || dependsOn.isNull()) {
        continue;
      }
      String field = "steps[" + i + "].dependsOn";
      if (!dependsOn.isArray()) {
        errors.add(new FieldError(field, label(id, i) + ": dependsOn must be an array of step ids"));
        continue;
      }
      List<String> targets = new ArrayList<>();
      for (JsonNode target : dependsOn) {
        String ref = target.isString() ? target.asString() : target.toString();
        if (!index.containsKey(ref)) {
          errors.add(new FieldError(field, label(id, i) + ": depends on unknown step '" + ref + "'"));
        } else if (ref.equals(id)) {
          errors.add(new FieldError(field, label(id, i) + ": depends on itself"));
        } else {
          targets.add(ref);
        }
      }
      if (id != null) {
        edges.put(id, targets);
      }
    }
    return edges;
  }

  /** A step on a cycle, if any (iterative depth-first search, white/grey/black). */
  private static java.util.Optional<String> cycle(Map<String, List<String>> edges) {
    Map<String, Integer> state = new HashMap<>();
    for (String start : edges.keySet()) {
      if (state.containsKey(start)) {
        continue;
      }
      Deque<Map.Entry<String, Integer>> stack = new ArrayDeque<>();
      stack.push(Map.entry(start, 0));
      state.put(start, 1);
      while (!stack.isEmpty()) {
        var top = stack.pop();
        List<String> next = edges.getOrDefault(top.getKey(), List.of());
        if (top.getValue() < next.size()) {
          stack.push(Map.entry(top.getKey(), top.getValue() + 1));
          String child = next.get(top.getValue());
          Integer childState = state.get(child);
          if (childState == null) {
            state.put(child, 1);
            stack.push(Map.entry(child, 0));
          } else if (childState == 1) {
            return java.util.Optional.of(child);
          }
        } else {
          state.put(top.getKey(), 2);
        }
      }
    }
    return java.util.Optional.empty();
  }

  private static String label(@org.jspecify.annotations.Nullable String id, int i) {
    return id == null ? "step " + (i + 1) : "step '" + id + "'";
  }
}
