package dev.flowgate.portal.accounts;

import dev.flowgate.portal.audit.AuditTrail;
import dev.flowgate.portal.base.problems.InvalidInputException;
import dev.flowgate.portal.base.problems.NotFoundException;
import dev.flowgate.portal.base.security.Actor;
import dev.flowgate.portal.base.security.PlatformScope;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reset links of tenants' users (V13): a random token of which only the SHA-256 is stored, valid
 * for {@link #VALIDITY} and once; using one ends every other open link of the user, sets the new
 * password (Argon2id, the same rules as sign-up) and lifts a login lockout. Platform operators and
 * disabled users get no link. Both steps run in the platform scope: the caller has no tenant yet.
 * {@link PasswordResetRequests} throttles and mails.
 */
@Service
public class PasswordResets {

  static final Duration VALIDITY = Duration.ofMinutes(30);
  static final int MIN_PASSWORD = 12;
  static final int MAX_PASSWORD = 256;

  private final JdbcClient jdbc;
  private final UserAccountRepository users;
  private final PasswordEncoder passwords;
  private final LoginAttempts attempts;
  private final AuditTrail audit;
  private final Clock clock;

  PasswordResets(JdbcClient jdbc, UserAccountRepository users, PasswordEncoder passwords, LoginAttempts attempts,
      AuditTrail audit, Clock clock) {
    this.jdbc = jdbc;
    this.users = users;
    this.passwords = passwords;
    this.attempts = attempts;
    this.audit = audit;
    this.clock = clock;
  }

  /** A link to mail; the token is in it only. */
  record Issued(UUID userId, String email, String token, Instant expiresAt) {

    @Override
    public String toString() {
      return "Issued[userId=" + userId + ", expiresAt=" + expiresAt + "]";
    }
  }

  /** A new link for the account with this email, or empty when there is none that may sign in. */
  @Transactional(label = PlatformScope.LABEL)
  public Optional<Issued> issue(String email) {
    Optional<UserAccount> account = users.findByEmailIgnoreCase(email.strip()).filter(u -> !u.isDisabled());
    if (account.isEmpty()) {
      return Optional.empty();
    }
    UserAccount user = account.get();
    String token = Invitations.token();
    UUID id = UUID.randomUUID();
    Instant now = clock.instant();
    Instant expires = now.plus(VALIDITY);
    jdbc.sql("""
            insert into password_resets (id, tenant_id, user_id, token_hash, created_at, expires_at)
            values (?, ?, ?, ?, ?, ?)""")
        .params(id, user.getTenantId(), user.getId(), Invitations.sha256(token), Timestamp.from(now), Timestamp.from(expires))
        .update();
    audit.record(Actor.system(user.getTenantId()), "member.password_reset_requested", "member", user.getId(), null,
        Map.of("expiresAt", expires));
    return Optional.of(new Issued(user.getId(), user.getEmail(), token, expires));
  }

  /** Sets the new password. Unknown, used or expired link → 404; a password breaking the rules → 400. */
  @Transactional(label = PlatformScope.LABEL)
  public MemberView reset(@Nullable String token, @Nullable String password) {
    if (password == null || password.length() < MIN_PASSWORD || password.length() > MAX_PASSWORD) {
      throw new InvalidInputException("password", "must be " + MIN_PASSWORD + " to " + MAX_PASSWORD + " characters");
    }
    Instant now = clock.instant();
    UUID userId = jdbc.sql("""
            select user_id from password_resets
            where token_hash = ? and used_at is null and expires_at > ? for update""")
        .params(Invitations.sha256(token == null ? "" : token), Timestamp.from(now))
        .query(UUID.class).optional()
        .orElseThrow(() -> new NotFoundException("password reset", "link"));
    UserAccount user = users.findById(userId).filter(u -> !u.isDisabled())
        .orElseThrow(() -> new NotFoundException("password reset", "link"));
    user.changePassword(passwords.encode(password));
    users.saveAndFlush(user);
    // this link and every earlier one of the user: a link mailed before stops working too
    jdbc.sql("update password_resets set used_at = ? where user_id = ? and used_at is null")
        .params(Timestamp.from(now), userId).update();
    MemberView member = MemberView.of(user);
    audit.record(Actor.user(user.getTenantId(), userId), "member.password_reset", "member", userId, null, member);
    attempts.succeeded(LoginAttempts.account(user.getEmail()));
    return member;
  }
}
