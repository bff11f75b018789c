package dev.flowgate.portal.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.flowgate.contracts.Envelope;
import dev.flowgate.contracts.Topics;
import dev.flowgate.contracts.audit.AuditRecorded;
import dev.flowgate.portal.Api;
import dev.flowgate.portal.PortalIT;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;

class AuditIT extends PortalIT {


  @Value("${spring.kafka.bootstrap-servers}")
  String bootstrap;

  @Test
  void a_config_change_writes_an_audit_row_with_the_new_state_and_no_secret() {
    Api.Tenant tenant = signUp();
    String secret = api.post("/api/v1/keys", tenant.token(), Map.of("name", "audited")).json().path("secret").asString();

    Map<String, Object> row = jdbc.sql("select action, actor_type, after::text as after from audit_logs where tenant_id = ? and action = 'api_key.created'")
        .param(tenant.id()).query().singleRow();
    assertThat(row.get("actor_type")).isEqualTo("token");
    assertThat((String) row.get("after")).contains("audited").doesNotContain(secret);
  }

  @Test
  void audit_records_reach_kafka_keyed_by_tenant() throws InterruptedException {
    assumeTrue(AuditTopic.reachable(bootstrap), "Kafka is not running at " + bootstrap);
    Api.Tenant tenant = signUp();
    api.post("/api/v1/services", tenant.token(), Map.of("name", "audited", "url", "https://8.8.8.8"));

    List<Envelope<AuditRecorded>> received = AuditTopic.read(bootstrap, tenant.id(), Duration.ofSeconds(30),
        records -> records.stream().anyMatch(record -> record.payload().action().equals("service.created")));
    AuditRecorded found = received.stream().map(Envelope::payload)
        .filter(record -> record.action().equals("service.created")).findFirst().orElse(null);
    assertThat(found).as("service.created audit record on " + Topics.AUDIT_LOGS).isNotNull();
    assertThat(found.after().path("name").asString()).isEqualTo("audited");
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    while (outboxSize(tenant) > 0 && System.nanoTime() < deadline) {
      Thread.sleep(100);
    }
    assertThat(outboxSize(tenant)).as("records left in audit_outbox once Kafka has them").isZero();
  }

  private long outboxSize(Api.Tenant tenant) {
    return jdbc.sql("select count(*) from audit_outbox where tenant_id = ?").param(tenant.id()).query(Long.class).single();
  }
}
