package dev.flowgate.portal.billingteam;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Billing knows tenants by id only; the billing team finds them by name and slug. This adds both
 * to billing's rows ({@code tenantSlug}, {@code tenantName}), one query per page of rows.
 */
@Component
class TenantNames {

  record Name(String slug, String name) {}

  private final JdbcClient jdbc;

  TenantNames(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  @Transactional(readOnly = true)
  Map<UUID, Name> of(Collection<UUID> ids) {
    if (ids.isEmpty()) {
      return Map.of();
    }
    Map<UUID, Name> names = new HashMap<>();
    jdbc.sql("select id, slug, name from tenants where id in (:ids)").param("ids", List.copyOf(ids))
        .query(rs -> {
          names.put(rs.getObject("id", UUID.class), new Name(rs.getString("slug"), rs.getString("name")));
        });
    return names;
  }

  /** Copies of the rows, each with its tenant's slug and name (empty when the portal has no such tenant). */
  List<JsonNode> named(Iterable<JsonNode> rows) {
    List<JsonNode> list = new java.util.ArrayList<>();
    rows.forEach(list::add);
    Set<UUID> ids = list.stream().map(r -> parse(r.path("tenantId").asString(""))).filter(java.util.Objects::nonNull)
        .collect(Collectors.toSet());
    Map<UUID, Name> names = of(ids);
    return list.stream().map(row -> {
      ObjectNode copy = row instanceof ObjectNode object ? object.deepCopy() : JsonNodeFactory.instance.objectNode();
      UUID id = parse(row.path("tenantId").asString(""));
      @Nullable Name name = id == null ? null : names.get(id);
      copy.put("tenantSlug", name == null ? "" : name.slug());
      copy.put("tenantName", name == null ? "" : name.name());
      return (JsonNode) copy;
    }).toList();
  }

  private static @Nullable UUID parse(String id) {
    try {
      return UUID.fromString(id);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }
}
