package dev.flowgate.portal.routing;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

public record ServiceView(
    UUID id,
    String name,
    String url,
    int connectTimeoutMs,
    int readTimeoutMs,
    int retries,
    @Nullable String healthCheckPath,
    Instant createdAt,
    Instant updatedAt) {}
