package dev.flowgate.portal.base.security;

import java.util.UUID;

/** A caller authenticated by a management token; acts as the token's user. */
public record TokenPrincipal(UUID tokenId, UUID userId, UUID tenantId, String email, String role)
    implements TenantPrincipal {

  @Override
  public Actor actor() {
    return new Actor(tenantId, userId, "token");
  }
}
