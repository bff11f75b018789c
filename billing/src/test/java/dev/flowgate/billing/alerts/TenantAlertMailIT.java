package dev.flowgate.billing.alerts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.sun.net.httpserver.HttpServer;
import dev.flowgate.billing.BillingIntegrationTest;
import dev.flowgate.billing.BillingProperties;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.YearMonth;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * Usage alerts mailed to the tenant's own owners and billing members, named by a stub portal (a JDK
 * HttpServer standing in for {@code GET /internal/v1/tenants/{id}/billing-contacts}), beside the
 * configured billing-team address; through a real SMTP server (GreenMail).
 */
@BillingIntegrationTest
class TenantAlertMailIT {

  private static final String TEAM = "team@flowgate.test";

  @Autowired JdbcTemplate jdbc;
  @Autowired JsonMapper json;
  @Autowired AlertProperties webhook;
  @Autowired BillingProperties billing;

  private final UUID tenant = UUID.randomUUID();
  private final AtomicInteger portalCalls = new AtomicInteger();
  /** answers with 503 while positive, counting down */
  private final AtomicInteger portalFailures = new AtomicInteger();
  private GreenMail smtp;
  private HttpServer portal;

  @BeforeEach
  void start() throws IOException {
    smtp = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
    smtp.start();
    portal = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    portal.createContext("/internal/v1/tenants/", exchange -> {
      portalCalls.incrementAndGet();
      String path = exchange.getRequestURI().getPath();
      int status;
      String body = "";
      if (!("Bearer " + billing.internalToken()).equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
        status = 401;
      } else if (portalFailures.getAndDecrement() > 0) {
        status = 503;
      } else if (path.equals("/internal/v1/tenants/" + tenant + "/billing-contacts")) {
        status = 200;
        // the configured address is also a member here, spelt differently: it is mailed once
        body = "{\"emails\":[\"owner@tenant.test\",\"finance@tenant.test\",\"Team@Flowgate.test\"]}";
      } else {
        status = 404;
      }
      byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().set("Content-Type", "application/json");
      exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
      exchange.getResponseBody().write(bytes);
      exchange.close();
    });
    portal.start();
  }

  @AfterEach
  void stop() {
    portal.stop(0);
    smtp.stop();
  }

  private UsageAlertService alerts(String portalUrl, boolean tenantRecipients) {
    AlertMailProperties mail = new AlertMailProperties("127.0.0.1", smtp.getSmtp().getPort(), null, null, false,
        "billing@flowgate.test", List.of(TEAM), 2, Duration.ofMillis(50), Duration.ofSeconds(2), tenantRecipients);
    BillingContacts contacts = new BillingContacts(new PortalProperties(portalUrl, Duration.ofMillis(500)), billing, json);
    UsageAlertRepository repository = new UsageAlertRepository(jdbc);
    return new UsageAlertService(repository, new AlertWebhookSender(webhook, repository, json, Clock.systemUTC()),
        new AlertMailSender(mail, contacts, repository, Clock.systemUTC()), Clock.systemUTC());
  }

  private String portalUrl() {
    return "http://127.0.0.1:" + portal.getAddress().getPort();
  }

  @Test
  void an_alert_reaches_the_tenants_owners_and_billing_members_and_the_configured_address_once_each() throws Exception {
    UsageAlertService alerts = alerts(portalUrl(), true);
    YearMonth period = YearMonth.now();

    alerts.raiseIfCrossed(tenant, period, 850, 1_000);

    await().atMost(Duration.ofSeconds(10)).until(() -> alerts.list(tenant).getFirst().emailStatus().equals("delivered"));
    assertThat(recipients()).containsExactlyInAnyOrder("owner@tenant.test", "finance@tenant.test", TEAM);
    assertThat(alerts.list(tenant).getFirst().emailAttempts()).isEqualTo(1);
    assertThat(subjects()).containsOnly(
        "Flowgate usage alert: tenant " + tenant + " reached 80% of its included calls in " + period);

    // the same period evaluated again: the 80 % alert exists, nothing is mailed or asked
    alerts.raiseIfCrossed(tenant, period, 900, 1_000);
    Thread.sleep(500);
    assertThat(smtp.getReceivedMessages()).hasSize(3);
    assertThat(portalCalls).hasValue(1);
  }

  @Test
  void with_the_portal_down_the_configured_address_is_still_mailed_and_the_alert_kept() throws Exception {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    }
    UsageAlertService alerts = alerts("http://127.0.0.1:" + closedPort, true);

    alerts.raiseIfCrossed(tenant, YearMonth.now(), 1_000, 1_000);

    await().atMost(Duration.ofSeconds(15)).until(() -> alerts.list(tenant).stream().allMatch(a -> a.emailStatus().equals("failed")));
    // both alerts (80 % and 100 %), each to the team once despite three attempts
    assertThat(recipients()).containsExactly(TEAM, TEAM);
    assertThat(alerts.list(tenant)).hasSize(2).allSatisfy(alert -> {
      assertThat(alert.emailAttempts()).isEqualTo(3);
      assertThat(alert.emailError()).contains("tenant billing contacts unavailable");
    });
  }

  @Test
  void contacts_the_portal_could_not_name_at_first_are_mailed_on_a_retry() {
    portalFailures.set(1);
    UsageAlertService alerts = alerts(portalUrl(), true);

    alerts.raiseIfCrossed(tenant, YearMonth.now(), 80, 100);

    await().atMost(Duration.ofSeconds(10)).until(() -> alerts.list(tenant).getFirst().emailStatus().equals("delivered"));
    assertThat(recipients()).containsExactlyInAnyOrder("owner@tenant.test", "finance@tenant.test", TEAM);
    assertThat(alerts.list(tenant).getFirst().emailAttempts()).isEqualTo(2);
    assertThat(portalCalls).hasValue(2);
  }

  @Test
  void switched_off_only_the_configured_address_is_mailed_and_the_portal_is_not_asked() {
    UsageAlertService alerts = alerts(portalUrl(), false);

    alerts.raiseIfCrossed(tenant, YearMonth.now(), 80, 100);

    await().atMost(Duration.ofSeconds(10)).until(() -> alerts.list(tenant).getFirst().emailStatus().equals("delivered"));
    assertThat(recipients()).containsExactly(TEAM);
    assertThat(portalCalls).hasValue(0);
  }

  /** The To address of every mail received; one mail per address. */
  private List<String> recipients() {
    return Arrays.stream(smtp.getReceivedMessages()).flatMap(message -> {
      try {
        return Arrays.stream(message.getRecipients(Message.RecipientType.TO)).map(Object::toString);
      } catch (MessagingException e) {
        throw new IllegalStateException(e);
      }
    }).toList();
  }

  private List<String> subjects() {
    return Arrays.stream(smtp.getReceivedMessages()).map(TenantAlertMailIT::subject).toList();
  }

  private static String subject(MimeMessage message) {
    try {
      return message.getSubject();
    } catch (MessagingException e) {
      throw new IllegalStateException(e);
    }
  }
}
