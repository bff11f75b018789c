package dev.flowgate.portal.usage;

import dev.flowgate.portal.apikeys.ApiKeyManagement;
import dev.flowgate.portal.base.security.Actor;
import dev.flowgate.portal.routing.RouteManagement;
import java.util.HashMap;
import java.util.Map;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Component;

/** The names of a tenant's keys and routes by id, so usage grouped by them reads as names. */
@Component
public class UsageNames {

  /** More than a tenant has in practice; ids beyond it show as ids. */
  private static final int MAX = 1000;

  private final ApiKeyManagement keys;
  private final RouteManagement routes;

  UsageNames(ApiKeyManagement keys, RouteManagement routes) {
    this.keys = keys;
    this.routes = routes;
  }

  /** @param groupBy {@code key}, {@code route} or {@code none} (no names) */
  public Map<String, String> of(Actor actor, String groupBy) {
    Map<String, String> names = new HashMap<>();
    switch (groupBy) {
      case "key" -> keys.list(actor, PageRequest.of(0, MAX)).forEach(k -> names.put(k.id().toString(), k.name()));
      case "route" -> routes.list(actor, PageRequest.of(0, MAX)).forEach(r -> names.put(r.id().toString(), r.name()));
      default -> { }
    }
    return names;
  }
}
