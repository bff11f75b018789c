package dev.flowgate.billing.quotas;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.flowgate.billing.AlertSink;
import dev.flowgate.billing.BillingFixtures;
import dev.flowgate.billing.BillingIntegrationTest;
import dev.flowgate.billing.BillingTestConfiguration;
import dev.flowgate.billing.UsageClient;
import dev.flowgate.billing.alerts.WebhookSignature;
import dev.flowgate.billing.plans.BillingPeriod;
import dev.flowgate.contracts.Envelope;
import dev.flowgate.contracts.EventCodec;
import dev.flowgate.contracts.Subjects;
import dev.flowgate.contracts.Topics;
import dev.flowgate.contracts.billing.QuotaStateChanged;
import dev.flowgate.contracts.calls.ApiCallRecorded;
import io.nats.client.Connection;
import io.nats.client.Message;
import io.nats.client.Nats;
import io.nats.client.Subscription;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.core.KafkaTemplate;
import tools.jackson.databind.JsonNode;

/** Against the local Kafka, PostgreSQL and NATS (127.0.0.1:4222). */
@BillingIntegrationTest
class QuotaIT {

  @LocalServerPort int port;
  @Autowired KafkaTemplate<String, byte[]> kafka;
  @Autowired JdbcTemplate jdbc;
  @Autowired AlertSink sink;
  @Autowired QuotaProperties quotaProperties;

  private final UUID tenant = UUID.randomUUID();
  private final String planCode = "it-quota-" + UUID.randomUUID().toString().substring(0, 8);
  private BillingFixtures fixtures;
  private Connection nats;
  private Subscription quotas;

  @BeforeEach
  void setUp() throws Exception {
    fixtures = new BillingFixtures(jdbc);
    // 10 included calls, blocked from the 12th on
    jdbc.update("INSERT INTO billing.plans (code, name, currency, base_price_minor, included_calls, "
        + "overage_per_thousand_minor, hard_limit_calls, sort_order) VALUES (?, 'Quota IT', 'USD', 0, 10, 100, 12, 99)",
        planCode);
    fixtures.plan(tenant, planCode, BillingPeriod.containing(Instant.now()).start());
    nats = Nats.connect(quotaProperties.natsUrl());
    quotas = nats.subscribe(Subjects.BILLING_QUOTAS);
    nats.flush(Duration.ofSeconds(2));
  }

  @AfterEach
  void tearDown() throws Exception {
    nats.close();
    fixtures.removePlans();
    // a blocked test tenant would otherwise be re-announced for the rest of the month
    jdbc.update("DELETE FROM billing.quota_states WHERE tenant_id = ?", tenant);
    jdbc.update("DELETE FROM billing.plans WHERE code = ?", planCode);
  }

  private void meter(int calls) throws Exception {
    for (int i = 0; i < calls; i++) {
      var call = new ApiCallRecorded(UUID.randomUUID().toString(), tenant, null, null, null, "GET", "/quota", 200, 3,
          0, 0, null, Instant.now());
      kafka.send(Topics.API_CALLS, tenant.toString(), EventCodec.toBytes(Envelope.of(call, tenant, null, "it",
          Instant.now()))).get();
    }
  }

  /** The next message about this tenant, skipping other tenants' states. */
  private QuotaStateChanged next(Duration within) throws InterruptedException {
    Instant deadline = Instant.now().plus(within);
    while (Instant.now().isBefore(deadline)) {
      Message message = quotas.nextMessage(Duration.between(Instant.now(), deadline).plusMillis(1));
      if (message == null) {
        break;
      }
      Envelope<QuotaStateChanged> envelope = EventCodec.envelope(message.getData(), QuotaStateChanged.class);
      if (tenant.equals(envelope.tenantId())) {
        assertThat(envelope.eventType()).isEqualTo(QuotaStateChanged.TYPE);
        return envelope.payload();
      }
    }
    throw new AssertionError("no quota state for tenant " + tenant + " within " + within);
  }

  @Test
  void a_tenant_past_its_hard_limit_is_announced_blocked_within_five_seconds_and_again_while_blocked()
      throws Exception {
    meter(8);
    QuotaStateChanged warning = next(Duration.ofSeconds(10));
    assertThat(warning.state()).isEqualTo("warning");
    assertThat(warning.blocked()).isFalse();
    assertThat(warning.usedCalls()).isEqualTo(8);

    meter(2);
    assertThat(next(Duration.ofSeconds(10)).state()).isEqualTo("included_exhausted");

    Instant sent = Instant.now();
    meter(2);
    QuotaStateChanged blocked = next(Duration.ofSeconds(5));
    assertThat(Duration.between(sent, Instant.now())).isLessThan(Duration.ofSeconds(5));
    assertThat(blocked.state()).isEqualTo("hard_limit_reached");
    assertThat(blocked.blocked()).isTrue();
    assertThat(blocked.hardLimit()).isEqualTo(12);
    assertThat(blocked.period()).isEqualTo(BillingPeriod.month(Instant.now()).toString());
    assertThat(blocked.blockedUntil()).isEqualTo(BillingPeriod.containing(Instant.now()).end());

    QuotaStateChanged again = next(quotaProperties.resendInterval().plusSeconds(2));
    assertThat(again.blocked()).isTrue();
  }

  @Test
  void a_blocked_tenant_moved_to_a_plan_without_a_hard_limit_is_announced_unblocked_within_one_round()
      throws Exception {
    meter(12);
    QuotaStateChanged state = next(Duration.ofSeconds(10));
    while (!state.blocked()) {
      state = next(Duration.ofSeconds(10));
    }

    // its refused calls are not metered: only the periodic round can notice the new plan
    new UsageClient(port).put("/internal/v1/tenants/" + tenant + "/plan", "{\"planCode\":\"growth\"}",
        UsageClient.TOKEN);

    Instant deadline = Instant.now().plus(quotaProperties.resendInterval()).plusSeconds(3);
    do {
      state = next(Duration.between(Instant.now(), deadline));
    } while (state.blocked());
    assertThat(state.state()).isEqualTo("ok");
    assertThat(state.blockedUntil()).isNull();
    assertThat(state.usedCalls()).isEqualTo(12);
  }

  @Test
  void usage_alerts_at_80_and_100_percent_are_raised_once_listed_and_sent_signed() throws Exception {
    meter(10);
    await().atMost(Duration.ofSeconds(10)).until(() -> alerts().size() == 2);
    meter(1);
    await().atMost(Duration.ofSeconds(10)).until(() -> new UsageClient(port)
        .get("/internal/v1/tenants/" + tenant + "/plan", UsageClient.TOKEN).json().get("callsThisPeriod").asLong() == 11);
    await().during(Duration.ofMillis(600)).atMost(Duration.ofSeconds(3)).until(() -> alerts().size() == 2);

    JsonNode listed = alerts();
    assertThat(listed.get(0).get("thresholdPercent").asInt()).isEqualTo(100);
    assertThat(listed.get(1).get("thresholdPercent").asInt()).isEqualTo(80);
    assertThat(listed.get(0).get("includedCalls").asLong()).isEqualTo(10);

    await().atMost(Duration.ofSeconds(10)).until(() -> deliveries() == 2);
    for (AlertSink.Delivery delivery : sink.deliveries()) {
      if (delivery.body().contains(tenant.toString())) {
        String t = delivery.signature().substring(2, delivery.signature().indexOf(','));
        assertThat(delivery.signature())
            .isEqualTo(WebhookSignature.header(BillingTestConfiguration.ALERT_SECRET, Long.parseLong(t), delivery.body()));
        assertThat(Math.abs(Instant.now().getEpochSecond() - Long.parseLong(t))).isLessThan(60);
      }
    }
    await().atMost(Duration.ofSeconds(5)).until(() -> alerts().get(0).get("deliveryStatus").asString().equals("delivered"));
  }

  @Test
  void a_tenant_well_within_its_plan_is_not_announced() throws Exception {
    meter(3);
    await().atMost(Duration.ofSeconds(10)).until(() -> new UsageClient(port)
        .get("/internal/v1/tenants/" + tenant + "/plan", UsageClient.TOKEN).json().get("callsThisPeriod").asLong() == 3);
    Thread.sleep(600);

    assertThat(jdbc.queryForObject("SELECT count(*) FROM billing.quota_states WHERE tenant_id = ?", Long.class, tenant))
        .isZero();
  }

  @Test
  void another_tenants_alerts_are_not_listed() throws Exception {
    meter(10);
    await().atMost(Duration.ofSeconds(10)).until(() -> alerts().size() == 2);
    JsonNode other = new UsageClient(port).get("/internal/v1/tenants/" + UUID.randomUUID() + "/alerts",
        UsageClient.TOKEN).json().get("items");
    assertThat(other.size()).isZero();
  }

  private long deliveries() {
    return sink.deliveries().stream().filter(d -> d.body().contains(tenant.toString())).count();
  }

  private JsonNode alerts() {
    return new UsageClient(port).get("/internal/v1/tenants/" + tenant + "/alerts", UsageClient.TOKEN).json()
        .get("items");
  }
}
