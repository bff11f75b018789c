package dev.flowgate.portal.routing;

import org.jspecify.annotations.Nullable;

/** Create or patch an upstream service; on patch, absent (null) fields stay as they are. */
public record ServiceRequest(
    @Nullable String name,
    @Nullable String url,
    @Nullable Integer connectTimeoutMs,
    @Nullable Integer readTimeoutMs,
    @Nullable Integer retries,
    @Nullable String healthCheckPath) {}
