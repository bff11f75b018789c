package dev.flowgate.portal.routing;

import org.jspecify.annotations.Nullable;

/**
 * Create or patch an upstream service; on patch, absent (null) fields stay as they are.
 *
 * @param openApi the service's own OpenAPI 3 document as JSON or YAML text; blank removes it
 */
public record ServiceRequest(
    @Nullable String name,
    @Nullable String url,
    @Nullable Integer connectTimeoutMs,
    @Nullable Integer readTimeoutMs,
    @Nullable Integer retries,
    @Nullable String healthCheckPath,
    @Nullable String openApi) {

  public ServiceRequest(@Nullable String name, @Nullable String url, @Nullable Integer connectTimeoutMs,
      @Nullable Integer readTimeoutMs, @Nullable Integer retries, @Nullable String healthCheckPath) {
    this(name, url, connectTimeoutMs, readTimeoutMs, retries, healthCheckPath, null);
  }
}
