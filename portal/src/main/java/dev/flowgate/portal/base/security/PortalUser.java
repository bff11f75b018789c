package dev.flowgate.portal.base.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.User;

/** A user signed in through the portal's login form. */
public class PortalUser extends User implements TenantPrincipal {

  private final UUID userId;
  private final UUID tenantId;
  private final String role;
  private final String credentialsStamp;

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
    this.credentialsStamp = credentialsStamp(passwordHash);
  }

  /**
   * The same account for a sign-in that saw no password (OIDC): no hash is kept, only the
   * account's credentials stamp, so a later password reset ends this session too.
   */
  protected PortalUser(PortalUser account) {
    super(account.getUsername(), "", account.isEnabled(), true, true, account.isAccountNonLocked(),
        account.getAuthorities());
    this.userId = account.userId;
    this.tenantId = account.tenantId;
    this.role = account.role;
    this.credentialsStamp = account.credentialsStamp;
  }

  /**
   * A digest of the password hash the user signed in with (the hash itself is erased after
   * sign-in). Every password change gives a new salted hash, so a session whose stamp no longer
   * matches the stored hash was opened before the change; see {@link SessionCredentialsFilter}.
   */
  public String credentialsStamp() {
    return credentialsStamp;
  }

  public static String credentialsStamp(String passwordHash) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(passwordHash.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest, 0, 16);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 unavailable", e);
    }
  }

  public UUID userId() {
    return userId;
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
