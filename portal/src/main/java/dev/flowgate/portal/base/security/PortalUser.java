package dev.flowgate.portal.base.security;

import java.util.List;
import java.util.UUID;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.User;

/** A user signed in through the portal's login form. */
public class PortalUser extends User implements TenantPrincipal {

  private final UUID userId;
  private final UUID tenantId;
  private final String role;

  public PortalUser(UUID userId, UUID tenantId, String email, String passwordHash, String role) {
    this(userId, tenantId, email, passwordHash, role, true);
  }

  /** @param accountNonLocked false while too many failed logins lock the account or address */
  public PortalUser(UUID userId, UUID tenantId, String email, String passwordHash, String role, boolean accountNonLocked) {
    this(userId, tenantId, email, passwordHash, role, true, accountNonLocked);
  }

  /** @param enabled false while a platform admin has disabled the user */
  public PortalUser(UUID userId, UUID tenantId, String email, String passwordHash, String role, boolean enabled,
      boolean accountNonLocked) {
    super(email, passwordHash, enabled, true, true, accountNonLocked,
        List.of(new SimpleGrantedAuthority("ROLE_" + role.toUpperCase())));
    this.userId = userId;
    this.tenantId = tenantId;
    this.role = role;
  }

  @Override
  public Actor actor() {
    return Actor.user(tenantId, userId);
  }

  @Override
  public String email() {
    return getUsername();
  }

  public String role() {
    return role;
  }

  @Override
  public boolean equals(Object o) {
    return super.equals(o);
  }

  @Override
  public int hashCode() {
    return super.hashCode();
  }
}
