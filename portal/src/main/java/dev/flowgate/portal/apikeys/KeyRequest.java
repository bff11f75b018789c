package dev.flowgate.portal.apikeys;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** A new API key; scopes default to {@code ["*"]} (every route of the tenant). */
public record KeyRequest(
    @Nullable String name, @Nullable List<String> scopes, @Nullable RateLimit rateLimit, @Nullable Instant expiresAt) {

  public record RateLimit(long limit, int windowSeconds) {}
}
