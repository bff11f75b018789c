package dev.flowgate.portal.admin;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A tenant as the admin area shows it. */
public record AdminTenantView(
    UUID id,
    String slug,
    String name,
    String status,
    Instant createdAt,
    long userCount,
    @Nullable String suspendedReason,
    @Nullable Instant suspendedAt,
    @Nullable Instant deletedAt,
    @Nullable Instant purgeAfter) {}
