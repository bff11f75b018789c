package dev.flowgate.portal.billingteam;

import dev.flowgate.portal.admin.PlatformAccounts;
import dev.flowgate.portal.base.problems.ConflictException;
import dev.flowgate.portal.base.problems.InvalidInputException;
import dev.flowgate.portal.base.security.PlatformPrincipal;
import dev.flowgate.portal.base.security.Roles;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Grants the {@code billing-team} platform role: a platform admin creates a billing-team account
 * (it signs in with the same login form and lands in the billing area). The email must not belong
 * to any other account, a tenant's user included, so one sign-in never means two people.
 */
@Service
class BillingTeamMembers {

  private static final Logger log = LoggerFactory.getLogger(BillingTeamMembers.class);
  static final int MIN_PASSWORD = 12;

  private final PlatformAccounts accounts;
  private final PasswordEncoder passwords;
  private final JdbcClient jdbc;

  BillingTeamMembers(PlatformAccounts accounts, PasswordEncoder passwords, JdbcClient jdbc) {
    this.accounts = accounts;
    this.passwords = passwords;
    this.jdbc = jdbc;
  }

  /** A new billing-team account; {@code password} is hashed here and never stored plain. */
  record Grant(@Nullable String email, @Nullable String password) {}

  record Member(UUID id, String email, String role) {}

  @Transactional
  Member grant(PlatformPrincipal admin, Grant grant) {
    String email = grant.email() == null ? "" : grant.email().strip();
    String password = grant.password() == null ? "" : grant.password();
    List<InvalidInputException.FieldError> errors = new ArrayList<>();
    if (email.length() < 3 || email.length() > 254 || !email.contains("@")) {
      errors.add(new InvalidInputException.FieldError("email", "must be an email address"));
    }
    if (password.length() < MIN_PASSWORD) {
      errors.add(new InvalidInputException.FieldError("password", "must be at least " + MIN_PASSWORD + " characters"));
    }
    if (!errors.isEmpty()) {
      throw new InvalidInputException(errors);
    }
    boolean tenantUser = jdbc.sql("select count(*) > 0 from users where lower(email) = lower(?)")
        .param(email).query(Boolean.class).single();
    if (tenantUser || accounts.findByEmail(email).isPresent()) {
      throw new ConflictException("An account with this email already exists");
    }
    UUID id = accounts.create(email, passwords.encode(password), Roles.BILLING_TEAM_ROLE);
    // platform accounts belong to no tenant, and the audit trail is per tenant: the log records the grant
    log.info("Platform admin {} granted billing-team to {} ({})", admin.email(), email, id);
    return new Member(id, email, Roles.BILLING_TEAM_ROLE);
  }
}
