package dev.flowgate.portal.configascode;

import dev.flowgate.contracts.config.GatewaySnapshot.Policy;
import java.util.List;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * A tenant's configuration as one document. Routes name their service by name, so a document
 * moves between tenants and environments. {@code keys} is exported (metadata, never secrets) and
 * ignored when applied: keys are issued, not declared.
 */
public record TenantConfig(@Nullable List<ServiceSpec> services, @Nullable List<RouteSpec> routes, @Nullable JsonNode keys) {

  /** @param openApi the service's OpenAPI 3 document as text; absent keeps it, blank removes it */
  public record ServiceSpec(@Nullable String name, @Nullable String url, @Nullable Integer connectTimeoutMs,
      @Nullable Integer readTimeoutMs, @Nullable Integer retries, @Nullable String healthCheckPath,
      @Nullable String openApi) {}

  public record RouteSpec(@Nullable String name, @Nullable String service, @Nullable List<String> paths,
      @Nullable List<String> methods, @Nullable List<String> hosts, @Nullable Boolean stripPath,
      @Nullable List<Policy> policies) {}

  /** What applying a document does (or would do, on a dry run). */
  public record ApplyResult(boolean dryRun, List<Change> changes) {}

  /** @param op {@code create}, {@code update} or {@code delete} */
  public record Change(String op, String type, String name, List<String> fields) {}
}
