package dev.flowgate.portal.apikeys;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * An API key as lists show it: never the secret.
 *
 * @param prefix the first 8 characters after {@code fg_live_}
 * @param previousSecretValidUntil while a rotation's grace period runs, when the old secret stops working
 * @param status {@code active}, {@code expired} or {@code revoked}
 */
public record KeyView(
    UUID id,
    String name,
    String prefix,
    List<String> scopes,
    KeyRequest.@Nullable RateLimit rateLimit,
    @Nullable Instant expiresAt,
    Instant createdAt,
    @Nullable Instant revokedAt,
    @Nullable Instant previousSecretValidUntil,
    String status) {}
