package dev.flowgate.portal.tokens;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A management token as lists show it: never the token, only its first characters. */
public record TokenView(UUID id, String name, String prefix, UUID userId, Instant createdAt, @Nullable Instant revokedAt) {}
