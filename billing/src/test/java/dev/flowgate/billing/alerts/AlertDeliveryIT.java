package dev.flowgate.billing.alerts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.flowgate.billing.BillingIntegrationTest;
import java.net.ServerSocket;
import java.time.Clock;
import java.time.Duration;
import java.time.YearMonth;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.json.JsonMapper;

@BillingIntegrationTest
class AlertDeliveryIT {

  @Autowired JdbcTemplate jdbc;
  @Autowired JsonMapper json;
  @Autowired UsageAlertService alerts;
  @Autowired BillingContacts contacts;

  private final UUID tenant = UUID.randomUUID();

  @Test
  void an_alert_the_webhook_never_takes_is_retried_three_times_then_recorded_as_failed() throws Exception {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    }
    UsageAlertRepository repository = new UsageAlertRepository(jdbc);
    AlertProperties unreachable = new AlertProperties("http://127.0.0.1:" + closedPort + "/alerts", "secret", 3,
        Duration.ofMillis(50), Duration.ofSeconds(1));
    UsageAlertService service = new UsageAlertService(repository,
        new AlertWebhookSender(unreachable, repository, json, Clock.systemUTC()),
        new AlertMailSender(AlertMailIT.noMail(), contacts, repository, Clock.systemUTC()), Clock.systemUTC());

    service.raiseIfCrossed(tenant, YearMonth.now(), 85, 100);

    await().atMost(Duration.ofSeconds(10)).until(() -> service.list(tenant).getFirst().deliveryStatus().equals("failed"));
    UsageAlert failed = service.list(tenant).getFirst();
    assertThat(failed.thresholdPercent()).isEqualTo(80);
    assertThat(failed.deliveryAttempts()).isEqualTo(4);
    assertThat(failed.deliveryError()).contains("ConnectException");
    assertThat(failed.deliveredAt()).isNull();
  }

  @Test
  void crossing_a_threshold_again_in_the_same_period_raises_nothing_new() {
    YearMonth period = YearMonth.now();
    alerts.raiseIfCrossed(tenant, period, 80, 100);
    alerts.raiseIfCrossed(tenant, period, 95, 100);
    alerts.raiseIfCrossed(tenant, period, 130, 100);
    alerts.raiseIfCrossed(tenant, period, 200, 100);

    assertThat(alerts.list(tenant)).extracting(UsageAlert::thresholdPercent).containsExactly(100, 80);
    assertThat(alerts.list(tenant)).extracting(UsageAlert::usedCalls).containsExactly(130L, 80L);
    alerts.raiseIfCrossed(tenant, period.plusMonths(1), 90, 100);
    assertThat(alerts.list(tenant)).hasSize(3);
  }

  @Test
  void a_plan_without_included_calls_raises_no_alert() {
    alerts.raiseIfCrossed(tenant, YearMonth.now(), 1_000, 0);
    assertThat(alerts.list(tenant)).isEmpty();
  }
}
