package dev.flowgate.portal.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import dev.flowgate.contracts.Envelope;
import dev.flowgate.contracts.audit.AuditRecorded;
import dev.flowgate.portal.PortalIT;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.support.SendResult;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A Kafka outage of any length, played by relays whose broker is away or slow. The records are
 * written here with SQL, so no commit nudges the application's own relay (the test profile has no
 * sweep) and only the relays these tests run touch them.
 */
class AuditOutboxIT extends PortalIT {

  @Value("${spring.kafka.bootstrap-servers}")
  String bootstrap;

  @Autowired AuditOutboxRelay relay;
  @Autowired TransactionTemplate transactions;
  @Autowired JdbcClient applicationJdbc;

  @Test
  void recordsListedWhileKafkaIsAwayStayListedAndReachTheTopicInOrderOnceItAnswers() throws IOException {
    assumeTrue(AuditTopic.reachable(bootstrap), "Kafka is not running at " + bootstrap);
    UUID tenant = UUID.randomUUID();
    List<UUID> written = listRecords(tenant, "service.created", "route.created", "api_key.revoked");

    KafkaTemplate<String, byte[]> away = awayBroker();
    try {
      AuditOutboxRelay unlucky = new AuditOutboxRelay(applicationJdbc, transactions, away,
          new AuditRelayProperties(true, Duration.ofHours(1), 500, Duration.ofSeconds(2)),
          new SimpleMeterRegistry(), Clock.systemUTC());
      assertThat(unlucky.relayPending()).as("acknowledged by a broker that is away").isZero();
      assertThat(unlucky.relayPending()).as("nor on the next sweep").isZero();
    } finally {
      away.destroy();
    }
    assertThat(listed(tenant)).as("still listed after two failed attempts").isEqualTo(written);

    assertThat(relay.relayPending()).isGreaterThanOrEqualTo(written.size());
    assertThat(listed(tenant)).as("unlisted once Kafka acknowledged them").isEmpty();
    relay.relayPending();

    List<Envelope<AuditRecorded>> received = AuditTopic.read(bootstrap, tenant, Duration.ofSeconds(30),
        records -> records.size() >= written.size(), Duration.ofSeconds(2));
    assertThat(received).extracting(Envelope::eventId).as("each once, in the order written; event id = audit id")
        .containsExactlyElementsOf(written);
    assertThat(received).extracting(envelope -> envelope.payload().action())
        .containsExactly("service.created", "route.created", "api_key.revoked");
    assertThat(received.getFirst().payload().after().path("name").asString()).isEqualTo("outbox");
  }

  @Test
  @SuppressWarnings("unchecked")
  void aRecordKafkaHasNotAnsweredYetIsWaitedForNotSentAgain() {
    UUID tenant = UUID.randomUUID();
    List<UUID> written = listRecords(tenant, "service.created", "route.created");
    KafkaOperations<String, byte[]> slow = mock(KafkaOperations.class);
    List<CompletableFuture<SendResult<String, byte[]>>> sends = new ArrayList<>();
    when(slow.send(anyString(), anyString(), any())).thenAnswer(call -> {
      CompletableFuture<SendResult<String, byte[]>> send = new CompletableFuture<>();
      sends.add(send);
      return send;
    });
    SimpleMeterRegistry registry = new SimpleMeterRegistry();
    AuditOutboxRelay relay = new AuditOutboxRelay(applicationJdbc, transactions, slow,
        new AuditRelayProperties(true, Duration.ofHours(1), 500, Duration.ofMillis(200)), registry, Clock.systemUTC());

    assertThat(relay.relayPending()).as("no answer within the wait").isZero();
    assertThat(relay.relayPending()).as("nor on the next sweep").isZero();
    assertThat(sends).as("one send per record, however many sweeps").hasSize(written.size());
    assertThat(listed(tenant)).isEqualTo(written);
    assertThat(registry.get("flowgate.portal.audit.outbox.waiting").gauge().value()).isGreaterThanOrEqualTo(written.size());
    assertThat(registry.get("flowgate.portal.audit.outbox.oldest").gauge().value()).isPositive();

    sends.forEach(send -> send.complete(null));
    assertThat(relay.relayPending()).isEqualTo(written.size());
    assertThat(sends).as("acknowledged late, still not sent again").hasSize(written.size());
    assertThat(listed(tenant)).isEmpty();
    assertThat(registry.get("flowgate.portal.audit.outbox.waiting").gauge().value()).isZero();
    assertThat(registry.get("flowgate.portal.audit.outbox.oldest").gauge().value()).isZero();
  }

  /** A tenant of its own and audit records listed for it, in SQL: no commit nudges the application's relay. */
  private List<UUID> listRecords(UUID tenant, String... actions) {
    jdbc.sql("insert into tenants (id, slug, name) values (?, ?, 'Outbox')")
        .params(tenant, "outbox-" + tenant.toString().substring(0, 8)).update();
    List<UUID> written = new ArrayList<>();
    for (String action : actions) {
      UUID id = UUID.randomUUID();
      jdbc.sql("""
              insert into audit_logs (id, tenant_id, actor_type, action, resource_type, after)
              values (?, ?, 'system', ?, 'service', '{"name":"outbox"}'::jsonb)""")
          .params(id, tenant, action).update();
      jdbc.sql("insert into audit_outbox (audit_id, tenant_id) values (?, ?)").params(id, tenant).update();
      written.add(id);
    }
    return written;
  }

  private List<UUID> listed(UUID tenant) {
    return jdbc.sql("select audit_id from audit_outbox where tenant_id = ? order by seq")
        .param(tenant).query(UUID.class).list();
  }

  private static KafkaTemplate<String, byte[]> awayBroker() throws IOException {
    int port;
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort(); // closed again: nothing listens there
    }
    Map<String, Object> config = Map.of(
        ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, "127.0.0.1:" + port,
        ProducerConfig.MAX_BLOCK_MS_CONFIG, 500,
        ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
        ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
    return new KafkaTemplate<>(new DefaultKafkaProducerFactory<>(config));
  }
}
