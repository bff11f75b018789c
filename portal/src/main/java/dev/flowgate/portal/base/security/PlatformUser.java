package dev.flowgate.portal.base.security;

import java.util.List;
import java.util.UUID;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.User;

/** A platform operator signed in through the portal's login form. */
public class PlatformUser extends User implements PlatformPrincipal {

  private final UUID userId;
  private final String role;

  /** @param accountNonLocked false while too many failed logins lock the account or address */
  public PlatformUser(UUID userId, String email, String passwordHash, String role, boolean accountNonLocked) {
    super(email, passwordHash, true, true, true, accountNonLocked, List.of(new SimpleGrantedAuthority(Roles.authority(role))));
    this.userId = userId;
    this.role = role;
  }

  @Override
  public UUID userId() {
    return userId;
  }

  @Override
  public String email() {
    return getUsername();
  }

  @Override
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
