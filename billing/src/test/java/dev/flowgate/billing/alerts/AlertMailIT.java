package dev.flowgate.billing.alerts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import dev.flowgate.billing.BillingIntegrationTest;
import jakarta.mail.internet.MimeMessage;
import java.net.ServerSocket;
import java.time.Clock;
import java.time.Duration;
import java.time.YearMonth;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.json.JsonMapper;

/** Usage alerts by email, through a real SMTP server (GreenMail, in this JVM, on a free port). */
@BillingIntegrationTest
class AlertMailIT {

  @Autowired JdbcTemplate jdbc;
  @Autowired JsonMapper json;
  @Autowired AlertProperties webhook;
  @Autowired AlertMailProperties configured;
  @Autowired BillingContacts contacts;

  private final UUID tenant = UUID.randomUUID();
  private GreenMail smtp;

  static AlertMailProperties noMail() {
    return mailTo(null, 25, List.of());
  }

  /** Only to the configured addresses (tenant recipients are {@link TenantAlertMailIT}'s). */
  static AlertMailProperties mailTo(String host, int port, List<String> to) {
    return new AlertMailProperties(host, port, null, null, false, "billing@flowgate.test", to, 2,
        Duration.ofMillis(50), Duration.ofSeconds(2), false);
  }

  @BeforeEach
  void startSmtp() {
    smtp = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
    smtp.start();
  }

  @AfterEach
  void stopSmtp() {
    smtp.stop();
  }

  private UsageAlertService alertsMailingTo(AlertMailProperties mail) {
    UsageAlertRepository repository = new UsageAlertRepository(jdbc);
    return new UsageAlertService(repository, new AlertWebhookSender(webhook, repository, json, Clock.systemUTC()),
        new AlertMailSender(mail, contacts, repository, Clock.systemUTC()), Clock.systemUTC());
  }

  @Test
  void each_threshold_crossed_is_mailed_once_to_every_recipient_and_recorded_as_delivered() throws Exception {
    UsageAlertService alerts = alertsMailingTo(mailTo("127.0.0.1", smtp.getSmtp().getPort(),
        List.of("billing@example.com", "ops@example.com")));
    YearMonth period = YearMonth.now();

    alerts.raiseIfCrossed(tenant, period, 850, 1_000);
    alerts.raiseIfCrossed(tenant, period, 900, 1_000);
    alerts.raiseIfCrossed(tenant, period, 1_000, 1_000);

    await().atMost(Duration.ofSeconds(10)).until(() -> alerts.list(tenant).stream()
        .allMatch(a -> a.emailStatus().equals("delivered")));
    MimeMessage[] received = smtp.getReceivedMessages();
    // two alerts (80 %, 100 %), each to two recipients: GreenMail keeps one copy per recipient
    assertThat(received).hasSize(4);
    assertThat(Arrays.stream(received).map(m -> subject(m)).distinct()).containsExactlyInAnyOrder(
        "Flowgate usage alert: tenant " + tenant + " reached 80% of its included calls in " + period,
        "Flowgate usage alert: tenant " + tenant + " reached 100% of its included calls in " + period);
    MimeMessage first = received[0];
    assertThat(first.getFrom()[0].toString()).isEqualTo("billing@flowgate.test");
    assertThat(first.getHeader("Flowgate-Event")[0]).isEqualTo("billing.usage_alert");
    assertThat(GreenMailUtil.getBody(first)).contains(tenant.toString()).contains("1,000 calls");
    assertThat(alerts.list(tenant)).allSatisfy(alert -> {
      assertThat(alert.emailAttempts()).isEqualTo(1);
      assertThat(alert.emailedAt()).isNotNull();
    });
  }

  @Test
  void a_mail_server_that_never_answers_is_retried_then_recorded_as_failed_beside_a_delivered_webhook()
      throws Exception {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    }
    UsageAlertService alerts = alertsMailingTo(mailTo("127.0.0.1", closedPort, List.of("billing@example.com")));

    alerts.raiseIfCrossed(tenant, YearMonth.now(), 80, 100);

    await().atMost(Duration.ofSeconds(10)).until(() -> alerts.list(tenant).getFirst().emailStatus().equals("failed"));
    UsageAlert alert = alerts.list(tenant).getFirst();
    assertThat(alert.emailAttempts()).isEqualTo(3);
    assertThat(alert.emailError()).contains("MailSendException");
    assertThat(alert.emailedAt()).isNull();
    await().atMost(Duration.ofSeconds(10)).until(() -> alerts.list(tenant).getFirst().deliveryStatus().equals("delivered"));
  }

  @Test
  void without_a_mail_server_or_recipients_alerts_say_mail_is_not_configured() {
    assertThat(configured.configured()).isFalse();
    UsageAlertService alerts = alertsMailingTo(mailTo("127.0.0.1", smtp.getSmtp().getPort(), List.of()));

    alerts.raiseIfCrossed(tenant, YearMonth.now(), 100, 100);

    assertThat(alerts.list(tenant)).extracting(UsageAlert::emailStatus).containsOnly("not_configured");
    assertThat(smtp.getReceivedMessages()).isEmpty();
  }

  private static String subject(MimeMessage message) {
    try {
      return message.getSubject();
    } catch (jakarta.mail.MessagingException e) {
      throw new IllegalStateException(e);
    }
  }
}
