package dev.flowgate.portal.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.flowgate.contracts.Envelope;
import dev.flowgate.contracts.EventCodec;
import dev.flowgate.contracts.Topics;
import dev.flowgate.contracts.audit.AuditRecorded;
import dev.flowgate.portal.Api;
import dev.flowgate.portal.PortalIT;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
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
  void audit_records_reach_kafka_keyed_by_tenant() {
    assumeTrue(reachable(bootstrap), "Kafka is not running at " + bootstrap);
    Api.Tenant tenant = signUp();
    api.post("/api/v1/services", tenant.token(), Map.of("name", "audited", "url", "https://8.8.8.8"));

    Properties config = new Properties();
    config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    config.put(ConsumerConfig.GROUP_ID_CONFIG, "portal-audit-it-" + UUID.randomUUID());
    config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer())) {
      consumer.subscribe(List.of(Topics.AUDIT_LOGS));
      AuditRecorded found = null;
      long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
      while (found == null && System.nanoTime() < deadline) {
        for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(500))) {
          if (tenant.id().toString().equals(record.key())) {
            Envelope<AuditRecorded> envelope = EventCodec.envelope(record.value(), AuditRecorded.class);
            if (envelope.payload().action().equals("service.created")) {
              found = envelope.payload();
            }
          }
        }
      }
      assertThat(found).as("service.created audit record on " + Topics.AUDIT_LOGS).isNotNull();
      assertThat(found.after().path("name").asString()).isEqualTo("audited");
    }
  }

  private static boolean reachable(String bootstrap) {
    String first = bootstrap.split(",")[0];
    int colon = first.lastIndexOf(':');
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress(first.substring(0, colon), Integer.parseInt(first.substring(colon + 1))), 500);
      return true;
    } catch (IOException | RuntimeException e) {
      return false;
    }
  }
}
