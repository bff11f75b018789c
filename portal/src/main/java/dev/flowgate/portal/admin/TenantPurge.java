package dev.flowgate.portal.admin;

import dev.flowgate.portal.base.security.PlatformScope;
import dev.flowgate.portal.controlplane.ConfigChanges;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Removes deleted tenants for good once their grace period has run out: every row of theirs in
 * the portal's schema, audit trail included, one tenant per transaction. Billing keeps its own
 * records (invoices are the platform's books). A tenant table added later must be added to
 * {@link #TENANT_TABLES} (TenantDeletionIT fails until it is).
 */
@Component
class TenantPurge {

  /** Children before parents, as the foreign keys require. */
  static final List<String> TENANT_TABLES = List.of("password_resets", "invitations", "idempotency_keys", "workflow_triggers",
      "workflows", "api_keys", "routes", "services", "management_tokens", "audit_outbox", "audit_logs", "users");
  private static final Logger log = LoggerFactory.getLogger(TenantPurge.class);

  private final JdbcClient jdbc;
  private final TransactionTemplate transactions;
  private final ConfigChanges changes;
  private final Clock clock;

  TenantPurge(JdbcClient jdbc, TransactionTemplate transactions, ConfigChanges changes, Clock clock) {
    this.jdbc = jdbc;
    this.transactions = transactions;
    this.changes = changes;
    this.clock = clock;
  }

  /** Hourly: each tenant whose grace period has passed; one failing tenant does not stop the others. */
  @Scheduled(fixedDelayString = "PT1H", initialDelayString = "PT5M")
  void purgeDue() {
    List<UUID> due = PlatformScope.call(() -> jdbc.sql("select id from tenants where purge_after < ?")
        .param(Timestamp.from(clock.instant())).query(UUID.class).list());
    for (UUID tenant : due) {
      try {
        purge(tenant);
      } catch (RuntimeException e) {
        log.error("purging deleted tenant {} failed; retried within the hour", tenant, e);
      }
    }
  }

  void purge(UUID tenant) {
    PlatformScope.run(() -> transactions.executeWithoutResult(status -> {
      jdbc.sql("select set_config('flowgate.purge', 'on', true)").query(String.class).single();
      jdbc.sql("delete from workflow_versions where workflow_id in (select id from workflows where tenant_id = ?)")
          .param(tenant).update();
      for (String table : TENANT_TABLES) {
        jdbc.sql("delete from " + table + " where tenant_id = ?").param(tenant).update();
      }
      jdbc.sql("delete from tenants where id = ? and purge_after is not null").param(tenant).update();
      changes.changed(tenant, "tenant", tenant, "purged");
    }));
    log.info("purged deleted tenant {} for good", tenant);
  }
}
