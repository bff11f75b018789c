package dev.flowgate.portal.admin;

import dev.flowgate.portal.base.security.PlatformTokenPrincipal;
import dev.flowgate.portal.base.security.Roles;
import dev.flowgate.portal.tokens.ManagementTokens;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Platform operators (no tenant; role {@code platform-admin} or {@code billing-team}) and their
 * bearer tokens, which have the management tokens' {@code fgm_} format and are stored as SHA-256.
 */
@Service
public class PlatformAccounts {

  static final Set<String> ROLES = Set.of(Roles.PLATFORM_ADMIN_ROLE, Roles.BILLING_TEAM_ROLE);

  private final JdbcClient jdbc;
  private final Clock clock;

  PlatformAccounts(JdbcClient jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  /** A platform operator as the login form needs them. */
  public record Account(UUID id, String email, String passwordHash, String role) {

    @Override
    public String toString() {
      return "Account[id=" + id + ", email=" + email + ", role=" + role + "]";
    }
  }

  @Transactional(readOnly = true)
  public Optional<Account> findByEmail(String email) {
    return jdbc.sql("select id, email, password_hash, role from platform_users where lower(email) = lower(?)")
        .param(email.strip())
        .query((rs, n) -> new Account(rs.getObject("id", UUID.class), rs.getString("email"),
            rs.getString("password_hash"), rs.getString("role")))
        .optional();
  }

  /** A new operator; the caller has hashed the password. */
  @Transactional
  public UUID create(String email, String passwordHash, String role) {
    if (!ROLES.contains(role)) {
      throw new IllegalArgumentException("not a platform role: " + role);
    }
    UUID id = UUID.randomUUID();
    jdbc.sql("insert into platform_users (id, email, password_hash, role, created_at) values (?, ?, ?, ?, ?)")
        .params(id, email.strip(), passwordHash, role, Timestamp.from(clock.instant()))
        .update();
    return id;
  }

  @Transactional(readOnly = true)
  public long countByRole(String role) {
    return jdbc.sql("select count(*) from platform_users where role = ?").param(role).query(Long.class).single();
  }

  /** A new bearer token for the operator; the plain token is returned once and never stored. */
  @Transactional
  public String issueToken(UUID userId, String name) {
    String token = ManagementTokens.generate();
    jdbc.sql("""
            insert into platform_tokens (id, platform_user_id, name, token_hash, prefix, created_at)
            values (?, ?, ?, ?, ?, ?)""")
        .params(UUID.randomUUID(), userId, name, ManagementTokens.sha256(token), ManagementTokens.displayPrefix(token),
            Timestamp.from(clock.instant()))
        .update();
    return token;
  }

  @Transactional(readOnly = true)
  public Optional<PlatformTokenPrincipal> authenticate(String presented) {
    if (!ManagementTokens.looksLikeToken(presented)) {
      return Optional.empty();
    }
    return jdbc.sql("""
            select t.id, u.id as user_id, u.email, u.role from platform_tokens t
            join platform_users u on u.id = t.platform_user_id
            where t.token_hash = ? and t.revoked_at is null""")
        .param(ManagementTokens.sha256(presented))
        .query((rs, n) -> new PlatformTokenPrincipal(rs.getObject("id", UUID.class), rs.getObject("user_id", UUID.class),
            rs.getString("email"), rs.getString("role")))
        .optional();
  }
}
