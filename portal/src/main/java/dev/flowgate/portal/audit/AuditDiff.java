package dev.flowgate.portal.audit;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/** What an audit record changed, field by field, for people to read ({@code retries: 0 → 3}). */
public final class AuditDiff {

  private static final int MAX_VALUE = 80;

  private AuditDiff() {}

  public static List<String> changes(@Nullable JsonNode before, @Nullable JsonNode after) {
    if (before == null || before.isNull()) {
      return after == null || after.isNull() ? List.of() : List.of("created");
    }
    if (after == null || after.isNull()) {
      return List.of("deleted");
    }
    Set<String> names = new LinkedHashSet<>(before.propertyNames());
    names.addAll(after.propertyNames());
    List<String> changes = new ArrayList<>();
    for (String name : names) {
      if (name.equals("updatedAt")) {
        continue;
      }
      JsonNode old = before.path(name);
      JsonNode now = after.path(name);
      if (!old.equals(now)) {
        changes.add(name + ": " + show(old) + " → " + show(now));
      }
    }
    return changes;
  }

  private static String show(JsonNode value) {
    String text = value.isMissingNode() ? "(none)" : value.isString() ? value.asString() : value.toString();
    return text.length() > MAX_VALUE ? text.substring(0, MAX_VALUE - 1) + "…" : text;
  }
}
