package dev.flowgate.portal.usage;

import dev.flowgate.portal.apikeys.ApiKeyManagement;
import dev.flowgate.portal.base.security.TenantPrincipal;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code GET /api/v1/keys/{id}/usage}: one key's usage, billing's usage of the tenant grouped by
 * key and narrowed to this key. The key is looked up in the caller's tenant first, so another
 * tenant's key answers 404 before billing is asked.
 */
@RestController
class KeyUsageController {

  private static final String[] TOTALS = {"calls", "errors", "serverErrors", "requestBytes", "responseBytes"};

  private final ApiKeyManagement keys;
  private final UsageClient usage;
  private final Clock clock;

  KeyUsageController(ApiKeyManagement keys, UsageClient usage, Clock clock) {
    this.keys = keys;
    this.usage = usage;
    this.clock = clock;
  }

  @GetMapping("/api/v1/keys/{id}/usage")
  JsonNode usage(@AuthenticationPrincipal TenantPrincipal principal, @PathVariable UUID id,
      @RequestParam(required = false) @Nullable Instant from,
      @RequestParam(required = false) @Nullable Instant to,
      @RequestParam(defaultValue = "hour") String granularity) {
    keys.get(principal.actor(), id);
    UsageRange range = UsageRange.of(from, to, granularity, clock);
    JsonNode report = usage.usage(principal.actor().tenantId(), range.from(), range.to(), range.granularity(), "key");
    return onlyKey(report, id.toString());
  }

  /** The report with only this key's points, and totals summed over them. */
  static ObjectNode onlyKey(JsonNode report, String keyId) {
    ObjectNode narrowed = report.deepCopy() instanceof ObjectNode copy ? copy : tools.jackson.databind.node.JsonNodeFactory.instance.objectNode();
    ArrayNode series = narrowed.putArray("series");
    ObjectNode totals = narrowed.putObject("totals");
    for (String field : TOTALS) {
      totals.put(field, 0L);
    }
    for (JsonNode point : report.path("series")) {
      if (keyId.equals(point.path("group").asString(""))) {
        series.add(point);
        for (String field : TOTALS) {
          totals.put(field, totals.path(field).asLong() + point.path(field).asLong(0));
        }
      }
    }
    narrowed.put("keyId", keyId);
    return narrowed;
  }
}
