package dev.flowgate.portal.billingteam;

import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/** Filters usage rows by what the billing team types: part of a tenant's name, slug, id or plan code, any case. */
final class UsageSearch {

  private UsageSearch() {}

  static List<JsonNode> filter(List<JsonNode> rows, @Nullable String query) {
    String q = query == null ? "" : query.strip().toLowerCase(Locale.ROOT);
    if (q.isEmpty()) {
      return rows;
    }
    return rows.stream().filter(r -> matches(r, q)).toList();
  }

  private static boolean matches(JsonNode row, String q) {
    for (String field : List.of("tenantName", "tenantSlug", "tenantId", "planCode")) {
      if (row.path(field).asString("").toLowerCase(Locale.ROOT).contains(q)) {
        return true;
      }
    }
    return false;
  }
}
