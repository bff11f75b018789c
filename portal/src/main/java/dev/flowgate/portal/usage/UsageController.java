package dev.flowgate.portal.usage;

import dev.flowgate.portal.base.problems.InvalidInputException;
import dev.flowgate.portal.base.security.TenantPrincipal;
import java.time.Clock;
import java.time.Instant;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/** {@code GET /api/v1/usage}: the caller's tenant's usage, from billing. */
@RestController
class UsageController {

  private static final Set<String> GROUPINGS = Set.of("none", "key", "route");

  private final UsageClient usage;
  private final Clock clock;

  UsageController(UsageClient usage, Clock clock) {
    this.usage = usage;
    this.clock = clock;
  }

  @GetMapping("/api/v1/usage")
  JsonNode usage(@AuthenticationPrincipal TenantPrincipal principal,
      @RequestParam(required = false) @Nullable Instant from,
      @RequestParam(required = false) @Nullable Instant to,
      @RequestParam(defaultValue = "hour") String granularity,
      @RequestParam(defaultValue = "none") String groupBy) {
    if (!GROUPINGS.contains(groupBy)) {
      throw new InvalidInputException("groupBy", "must be none, key or route");
    }
    UsageRange range = UsageRange.of(from, to, granularity, clock);
    return usage.usage(principal.actor().tenantId(), range.from(), range.to(), range.granularity(), groupBy);
  }
}
