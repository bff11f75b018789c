package dev.flowgate.portal.accounts;

import dev.flowgate.portal.base.security.PlatformScope;
import dev.flowgate.portal.audit.AuditTrail;
import dev.flowgate.portal.base.config.PortalProperties;
import dev.flowgate.portal.base.problems.ConflictException;
import dev.flowgate.portal.base.problems.InvalidInputException;
import dev.flowgate.portal.base.problems.InvalidInputException.FieldError;
import dev.flowgate.portal.base.problems.NotFoundException;
import dev.flowgate.portal.base.security.Actor;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Invites teammates by link with a role; {@link InvitationDelivery} mails the link, or answers it to
 * the inviter (shown once, like a key) to pass on. Accepting sets the password and creates the
 * user. Links expire after {@link #VALIDITY} and work once.
 */
@Service
public class Invitations {

  static final Duration VALIDITY = Duration.ofDays(7);
  private static final Pattern EMAIL = Pattern.compile("^[^@\\s]{1,64}@[^@\\s]+\\.[^@\\s]+$");
  private static final SecureRandom RANDOM = new SecureRandom();

  private final JdbcClient jdbc;
  private final UserAccountRepository users;
  private final PasswordEncoder passwords;
  private final AuditTrail audit;
  private final PortalProperties properties;
  private final Clock clock;

  Invitations(JdbcClient jdbc, UserAccountRepository users, PasswordEncoder passwords, AuditTrail audit,
      PortalProperties properties, Clock clock) {
    this.jdbc = jdbc;
    this.users = users;
    this.passwords = passwords;
    this.audit = audit;
    this.properties = properties;
    this.clock = clock;
  }

  /** The invitation with its link (the token is in the answer only). */
  public record Invited(UUID id, String email, String role, Instant expiresAt, String token, String link) {

    /** Without the token (the link holds it too): Spring MVC logs response bodies by toString at DEBUG. */
    @Override
    public String toString() {
      return "Invited[id=" + id + ", email=" + email + ", role=" + role + ", expiresAt=" + expiresAt + "]";
    }
  }

  @Transactional
  public Invited invite(Actor actor, @Nullable String rawEmail, @Nullable String rawRole) {
    String email = rawEmail == null ? "" : rawEmail.strip().toLowerCase(Locale.ROOT);
    String role = rawRole == null ? "" : rawRole.strip().toLowerCase(Locale.ROOT);
    List<FieldError> errors = new ArrayList<>();
    if (email.length() > 254 || !EMAIL.matcher(email).matches()) {
      errors.add(new FieldError("email", "must be a valid email address"));
    }
    if (!MemberManagement.ROLES.contains(role)) {
      errors.add(new FieldError("role", "must be one of owner, admin, developer, viewer, billing"));
    } else if (role.equals("owner") && !isOwner(actor)) {
      errors.add(new FieldError("role", "only an owner can invite an owner"));
    }
    if (!errors.isEmpty()) {
      throw new InvalidInputException(errors);
    }
    if (users.existsByEmailIgnoreCase(email)) {
      throw new ConflictException("An account with this email already exists");
    }
    String token = token();
    UUID id = UUID.randomUUID();
    Instant now = clock.instant();
    Instant expires = now.plus(VALIDITY);
    jdbc.sql("""
            insert into invitations (id, tenant_id, email, role, token_hash, invited_by, created_at, expires_at)
            values (?, ?, ?, ?, ?, ?, ?, ?)""")
        .params(id, actor.tenantId(), email, role, sha256(token), actor.id(), Timestamp.from(now), Timestamp.from(expires))
        .update();
    audit.record(actor, "member.invited", "invitation", id, null, Map.of("email", email, "role", role, "expiresAt", expires));
    String link = properties.linkBase() + "/invite/" + token;
    return new Invited(id, email, role, expires, token, link);
  }

  /** Creates the invited user; the link then stops working. Unknown, used or expired → 404. */
  @Transactional(label = PlatformScope.LABEL) // the invitee has no tenant until the link names one
  public MemberView accept(@Nullable String token, @Nullable String password) {
    if (password == null || password.length() < 12 || password.length() > 256) {
      throw new InvalidInputException("password", "must be 12 to 256 characters");
    }
    Map<String, Object> invitation = jdbc.sql("""
            select id, tenant_id, email, role from invitations
            where token_hash = ? and accepted_at is null and expires_at > ? for update""")
        .params(sha256(token == null ? "" : token), Timestamp.from(clock.instant()))
        .query().listOfRows().stream().findFirst()
        .orElseThrow(() -> new NotFoundException("invitation", "link"));
    String email = (String) invitation.get("email");
    if (users.existsByEmailIgnoreCase(email)) {
      throw new ConflictException("An account with this email already exists");
    }
    UUID tenantId = (UUID) invitation.get("tenant_id");
    UserAccount user = users.saveAndFlush(new UserAccount(tenantId, email, passwords.encode(password),
        (String) invitation.get("role"), clock.instant()));
    jdbc.sql("update invitations set accepted_at = ? where id = ?")
        .params(Timestamp.from(clock.instant()), invitation.get("id")).update();
    MemberView member = MemberView.of(user);
    audit.record(Actor.user(tenantId, user.getId()), "member.joined", "member", user.getId(), null, member);
    return member;
  }

  private boolean isOwner(Actor actor) {
    return actor.id() != null && users.findById(actor.id()).map(u -> u.getRole().equals("owner")).orElse(false);
  }

  static String token() {
    byte[] bytes = new byte[24];
    RANDOM.nextBytes(bytes);
    return HexFormat.of().formatHex(bytes);
  }

  static String sha256(String value) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
