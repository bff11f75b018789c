package dev.flowgate.billing.usage;

import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /internal/v1/usage}: a tenant's metered usage (the internal token is checked by a filter). */
@RestController
class UsageController {

  private final UsageRepository repository;

  UsageController(UsageRepository repository) {
    this.repository = repository;
  }

  @GetMapping("/internal/v1/usage")
  UsageReport usage(
      @RequestParam(required = false) @Nullable String tenantId,
      @RequestParam(required = false) @Nullable String from,
      @RequestParam(required = false) @Nullable String to,
      @RequestParam(required = false) @Nullable String granularity,
      @RequestParam(required = false) @Nullable String groupBy) {
    UsageQuery query = UsageQuery.parse(tenantId, from, to, granularity, groupBy);
    return UsageRollup.rollUp(query, repository.rows(query.granularity(), query.tenantId(), query.firstBucket(), query.to()));
  }
}
