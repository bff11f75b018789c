package dev.flowgate.portal.routing;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** @param openApi the OpenAPI 3 document the tenant attached (JSON or YAML text), or null */
public record ServiceView(
    UUID id,
    String name,
    String url,
    int connectTimeoutMs,
    int readTimeoutMs,
    int retries,
    @Nullable String healthCheckPath,
    Instant createdAt,
    Instant updatedAt,
    @Nullable String openApi) {

  /** For the audit trail: the document as its digest and size, not up to 1 MiB twice per change. */
  ServiceView forAudit() {
    return openApi == null ? this : new ServiceView(id, name, url, connectTimeoutMs, readTimeoutMs, retries,
        healthCheckPath, createdAt, updatedAt, OpenApiDocuments.describe(openApi));
  }
}
