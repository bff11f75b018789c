package dev.flowgate.portal.admin;

import dev.flowgate.portal.base.security.PlatformScope;
import dev.flowgate.portal.base.security.Roles;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * On every start: when no platform admin exists and {@code FLOWGATE_ADMIN_EMAIL} and
 * {@code FLOWGATE_ADMIN_PASSWORD} are set, creates that first admin; otherwise does nothing (and,
 * when there is no admin and no configuration, logs how to create one). Several portals starting
 * at once serialise on an advisory lock, so exactly one admin is created.
 */
@Component
class AdminBootstrap implements ApplicationRunner {

  private static final Logger log = LoggerFactory.getLogger(AdminBootstrap.class);
  static final int MIN_PASSWORD = 12;
  /** pg_advisory_xact_lock key: "FGADMIN1" as a long. */
  private static final long LOCK = 0x4647_4144_4d49_4e31L;

  enum Outcome { CREATED, ALREADY_PRESENT, NOT_CONFIGURED, REFUSED }

  private final AdminProperties properties;
  private final PlatformAccounts accounts;
  private final PasswordEncoder passwords;
  private final JdbcClient jdbc;
  private final TransactionTemplate transactions;

  AdminBootstrap(AdminProperties properties, PlatformAccounts accounts, PasswordEncoder passwords, JdbcClient jdbc,
      TransactionTemplate transactions) {
    this.properties = properties;
    this.accounts = accounts;
    this.passwords = passwords;
    this.jdbc = jdbc;
    this.transactions = transactions;
  }

  @Override
  public void run(ApplicationArguments args) {
    bootstrap(properties);
  }

  /** One start's decision, in one transaction that holds the lock. */
  Outcome bootstrap(AdminProperties settings) {
    Outcome outcome = PlatformScope.call(() -> transactions.execute(status -> decide(settings)));
    return outcome == null ? Outcome.REFUSED : outcome;
  }

  private Outcome decide(AdminProperties settings) {
    jdbc.sql("select pg_advisory_xact_lock(?)").param(LOCK).query((rs, n) -> 1).list();
    if (accounts.countByRole(Roles.PLATFORM_ADMIN_ROLE) > 0) {
      return Outcome.ALREADY_PRESENT;
    }
    if (!settings.configured()) {
      log.warn("No platform admin exists. To create the first one, start the portal once with "
          + "FLOWGATE_ADMIN_EMAIL and FLOWGATE_ADMIN_PASSWORD (at least {} characters) set; "
          + "they are only used while no platform admin exists.", MIN_PASSWORD);
      return Outcome.NOT_CONFIGURED;
    }
    String email = String.valueOf(settings.email()).strip();
    if (String.valueOf(settings.password()).length() < MIN_PASSWORD || !email.contains("@")) {
      log.error("FLOWGATE_ADMIN_EMAIL must be an email and FLOWGATE_ADMIN_PASSWORD at least {} characters: "
          + "no platform admin created", MIN_PASSWORD);
      return Outcome.REFUSED;
    }
    boolean tenantUser = jdbc.sql("select count(*) > 0 from users where lower(email) = lower(?)")
        .param(email).query(Boolean.class).single();
    if (tenantUser || accounts.findByEmail(email).isPresent()) {
      log.error("FLOWGATE_ADMIN_EMAIL {} already belongs to an account: no platform admin created", email);
      return Outcome.REFUSED;
    }
    accounts.create(email, passwords.encode(String.valueOf(settings.password())), Roles.PLATFORM_ADMIN_ROLE);
    log.info("Created the first platform admin {} from FLOWGATE_ADMIN_EMAIL", email);
    return Outcome.CREATED;
  }
}
