package dev.flowgate.portal.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.flowgate.portal.Api;
import dev.flowgate.portal.PortalIT;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessException;

class AuditRetentionIT extends PortalIT {

  @Autowired AuditRetention retention;

  @Test
  void recordsOlderThanTheRetentionAreRemovedWithTheirOutboxEntryAndYoungerOnesStay() {
    Api.Tenant tenant = signUp();
    long before = records(tenant);
    UUID old = audit(tenant, Instant.now().minus(Duration.ofDays(3 * 365)));
    jdbc.sql("insert into audit_outbox (audit_id, tenant_id) values (?, ?)").params(old, tenant.id()).update();
    UUID young = audit(tenant, Instant.now().minus(Duration.ofDays(365)));

    assertThat(retention.removeExpired()).isGreaterThanOrEqualTo(1);

    assertThat(exists(old)).as("3 years old").isFalse();
    assertThat(jdbc.sql("select count(*) from audit_outbox where audit_id = ?").param(old).query(Long.class).single())
        .isZero();
    assertThat(exists(young)).as("1 year old").isTrue();
    assertThat(records(tenant)).isEqualTo(before + 1);
  }

  @Test
  void theDatabaseStillRefusesToRemoveARecordYoungerThanTheCutoffItIsGiven() {
    Api.Tenant tenant = signUp();
    UUID young = audit(tenant, Instant.now().minus(Duration.ofDays(365)));
    String cutoff = Instant.now().minus(Duration.ofDays(730)).toString();

    assertThatThrownBy(() -> jdbc.sql("""
            delete from audit_logs
            where id = ? and (select set_config('flowgate.audit_cutoff', ?, false)) is not null""")
        .params(young, cutoff).update())
        .isInstanceOf(DataAccessException.class).rootCause().hasMessageContaining("append-only");
    assertThatThrownBy(() -> jdbc.sql("delete from audit_logs where id = ?").param(young).update())
        .isInstanceOf(DataAccessException.class).rootCause().hasMessageContaining("append-only");
    assertThat(exists(young)).isTrue();
  }

  private UUID audit(Api.Tenant tenant, Instant at) {
    UUID id = UUID.randomUUID();
    jdbc.sql("""
            insert into audit_logs (id, tenant_id, actor_type, action, resource_type, occurred_at)
            values (?, ?, 'system', 'service.created', 'service', ?)""")
        .params(id, tenant.id(), Timestamp.from(at)).update();
    return id;
  }

  private boolean exists(UUID id) {
    return jdbc.sql("select count(*) from audit_logs where id = ?").param(id).query(Long.class).single() == 1;
  }

  private long records(Api.Tenant tenant) {
    return jdbc.sql("select count(*) from audit_logs where tenant_id = ?").param(tenant.id()).query(Long.class).single();
  }
}
