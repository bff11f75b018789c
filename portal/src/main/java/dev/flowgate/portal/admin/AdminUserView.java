package dev.flowgate.portal.admin;

import java.time.Instant;
import java.util.UUID;

/** A tenant's user as the admin area's cross-tenant search shows them. */
public record AdminUserView(UUID id, String email, String role, UUID tenantId, String tenantSlug, String tenantName,
    Instant createdAt, boolean disabled) {}
