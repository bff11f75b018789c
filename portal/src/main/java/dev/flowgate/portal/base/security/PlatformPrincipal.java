package dev.flowgate.portal.base.security;

import java.util.UUID;

/**
 * An authenticated platform operator (a {@link PlatformUser} signed in to the portal, or one of
 * their bearer tokens). Platform users belong to no tenant, so their transactions are never scoped
 * by row-level security; they act on a tenant only through the admin area.
 */
public interface PlatformPrincipal {

  UUID userId();

  String email();

  /** {@code platform-admin} or {@code billing-team}. */
  String role();

  /** Acting on a tenant as this operator, for the tenant's audit trail. */
  default Actor actorOn(UUID tenantId) {
    return new Actor(tenantId, userId(), "platform");
  }

  default boolean isPlatformAdmin() {
    return Roles.PLATFORM_ADMIN_ROLE.equals(role());
  }
}
