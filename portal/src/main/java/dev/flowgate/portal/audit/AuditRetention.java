package dev.flowgate.portal.audit;

import dev.flowgate.portal.base.security.PlatformScope;
import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Removes audit records once they are older than the retention (PRODUCT.md: 2 years), daily and
 * in batches. Each transaction names its cutoff to the database (V16), which lets through deletes of
 * older records only; a record still waiting in the outbox goes with it.
 */
@Component
class AuditRetention {

  private static final Logger log = LoggerFactory.getLogger(AuditRetention.class);

  private final JdbcClient jdbc;
  private final TransactionTemplate transactions;
  private final AuditRetentionProperties properties;
  private final Clock clock;

  AuditRetention(JdbcClient jdbc, TransactionTemplate transactions, AuditRetentionProperties properties, Clock clock) {
    this.jdbc = jdbc;
    this.transactions = transactions;
    this.properties = properties;
    this.clock = clock;
  }

  @Scheduled(cron = "0 17 3 * * *")
  void daily() {
    try {
      removeExpired();
    } catch (RuntimeException e) {
      log.error("audit retention failed; tried again tomorrow", e);
    }
  }

  /** @return how many audit records were removed */
  long removeExpired() {
    Instant cutoff = clock.instant().minus(properties.retention());
    long removed = 0;
    while (true) {
      int batch = Objects.requireNonNull(PlatformScope.call(() -> transactions.execute(status -> {
        jdbc.sql("select set_config('flowgate.audit_cutoff', ?, true)").param(cutoff.toString())
            .query(String.class).single();
        jdbc.sql("""
                delete from audit_outbox o using audit_logs a
                where a.id = o.audit_id and a.occurred_at < cast(:cutoff as timestamptz)""")
            .param("cutoff", cutoff.toString()).update();
        return jdbc.sql("""
                delete from audit_logs where id in (
                    select id from audit_logs where occurred_at < cast(:cutoff as timestamptz) limit :batch)""")
            .param("cutoff", cutoff.toString()).param("batch", properties.batch()).update();
      })));
      removed += batch;
      if (batch < properties.batch()) {
        if (removed > 0) {
          log.info("removed {} audit records older than {}", removed, cutoff);
        }
        return removed;
      }
    }
  }
}
