package dev.flowgate.portal.workflows;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * The structural difference between two versions of a workflow: steps matched by id are added,
 * removed or changed, and a changed step lists each differing field by path
 * ({@code config.url}, {@code retry.maxAttempts}, {@code dependsOn}). Arrays are compared whole,
 * because an index path ({@code dependsOn[1]}) says little when an item was inserted.
 */
public record WorkflowDiff(UUID workflowId, int from, int to, List<FieldChange> definition, List<String> added,
    List<String> removed, List<StepChange> changed) {

  /** One field that differs; {@code from} or {@code to} is null when the field is absent on that side. */
  public record FieldChange(String path, @Nullable JsonNode from, @Nullable JsonNode to) {}

  /** A step present in both versions whose fields differ. */
  public record StepChange(String step, List<FieldChange> fields) {}

  static WorkflowDiff between(UUID workflowId, int fromVersion, JsonNode from, int toVersion, JsonNode to) {
    List<FieldChange> top = new ArrayList<>();
    Set<String> fields = new LinkedHashSet<>(from.propertyNames());
    fields.addAll(to.propertyNames());
    fields.remove("steps");
    for (String field : fields) {
      compare(field, from.get(field), to.get(field), top);
    }
    Map<String, JsonNode> before = steps(from);
    Map<String, JsonNode> after = steps(to);
    List<String> added = after.keySet().stream().filter(id -> !before.containsKey(id)).toList();
    List<String> removed = before.keySet().stream().filter(id -> !after.containsKey(id)).toList();
    List<StepChange> changed = new ArrayList<>();
    for (var entry : after.entrySet()) {
      JsonNode old = before.get(entry.getKey());
      if (old != null) {
        List<FieldChange> changes = new ArrayList<>();
        compare("", old, entry.getValue(), changes);
        if (!changes.isEmpty()) {
          changed.add(new StepChange(entry.getKey(), changes));
        }
      }
    }
    return new WorkflowDiff(workflowId, fromVersion, toVersion, top, added, removed, changed);
  }

  private static Map<String, JsonNode> steps(JsonNode definition) {
    Map<String, JsonNode> steps = new LinkedHashMap<>();
    for (JsonNode step : definition.path("steps")) {
      steps.put(step.path("id").asString(""), step);
    }
    return steps;
  }

  private static void compare(String path, @Nullable JsonNode from, @Nullable JsonNode to, List<FieldChange> changes) {
    if (Objects.equals(from, to)) {
      return;
    }
    if (from != null && to != null && from.isObject() && to.isObject()) {
      Set<String> names = new LinkedHashSet<>(from.propertyNames());
      names.addAll(to.propertyNames());
      for (String name : names) {
        compare(path.isEmpty() ? name : path + "." + name, from.get(name), to.get(name), changes);
      }
      return;
    }
    changes.add(new FieldChange(path, from, to));
  }
}
