package dev.flowgate.portal.accounts;

import dev.flowgate.portal.LoginForm;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.flowgate.portal.Api;
import dev.flowgate.portal.PortalIT;
import dev.flowgate.portal.base.config.PortalProperties;
import dev.flowgate.portal.base.problems.InvalidInputException;
import dev.flowgate.portal.base.problems.NotFoundException;
import dev.flowgate.portal.base.problems.TooManyRequestsException;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Password reset by mailed link, through a real SMTP server (GreenMail) and the real login form. */
class PasswordResetIT extends PortalIT {

  private static final String OLD = "correct horse battery";
  private static final String NEW = "a brand new long password";

  @Autowired PasswordResets resets;
  @Autowired PortalProperties properties;
  @Autowired LoginAttempts attempts;

  private final TestSmtp smtp = new TestSmtp();

  @AfterEach
  void stop() {
    smtp.close();
  }

  private PasswordResetRequests requests() {
    return new PasswordResetRequests(resets, smtp.mailer(), properties, Clock.systemUTC());
  }

  private static String email() {
    return "reset-" + UUID.randomUUID() + "@example.com";
  }

  private MimeMessage awaitMail(int count) {
    await().atMost(Duration.ofSeconds(10)).until(() -> smtp.received().length >= count);
    return smtp.received()[count - 1];
  }

  private static String token(String link) {
    return link.substring(link.lastIndexOf('/') + 1);
  }

  @Test
  void the_mailed_link_sets_a_new_password_once_and_the_old_one_stops_working() throws Exception {
    String email = email();
    api.signUp(email, OLD, "Reset Org");
    PasswordResetRequests requests = requests();

    requests.request(email.toUpperCase(), "192.0.2.10");

    MimeMessage mail = awaitMail(1);
    assertThat(mail.getAllRecipients()[0].toString()).isEqualTo(email);
    assertThat(mail.getSubject()).isEqualTo("Reset your Flowgate password");
    assertThat(mail.getHeader("Flowgate-Event")[0]).isEqualTo("member.password_reset");
    String link = TestSmtp.link(mail, "/reset-password/");
    assertThat(link).startsWith(properties.linkBase() + "/reset-password/");
    assertThat(jdbc.sql("select token_hash from password_resets r join users u on u.id = r.user_id where u.email = ?")
        .param(email).query(String.class).single()).isNotEqualTo(token(link)).hasSize(64);
    assertThat(jdbc.sql("""
            select extract(epoch from r.expires_at - r.created_at) from password_resets r join users u on u.id = r.user_id
            where u.email = ?""").param(email).query(Double.class).single()).isEqualTo(30 * 60.0);

    requests.reset(token(link), NEW);

    assertThat(login(email, OLD)).contains("/login?error");
    assertThat(login(email, NEW)).doesNotContain("error");
    assertThatThrownBy(() -> requests.reset(token(link), "yet another long password")).isInstanceOf(NotFoundException.class);
    assertThat(login(email, NEW)).doesNotContain("error");
    assertThat(jdbc.sql("""
            select action from audit_logs a join users u on u.id::text = a.resource_id
            where u.email = ? and a.action like 'member.password_reset%' order by occurred_at""")
        .param(email).query(String.class).list()).containsExactly("member.password_reset_requested", "member.password_reset");
  }

  @Test
  void an_unknown_email_gets_the_same_answer_and_no_mail() {
    PasswordResetRequests requests = requests();

    requests.request(email(), "192.0.2.11");

    await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(2)).until(() -> smtp.received().length == 0);
  }

  @Test
  void an_expired_link_is_refused_and_the_password_stays() throws Exception {
    String email = email();
    api.signUp(email, OLD, "Reset Org");
    requests().request(email, null);
    String link = TestSmtp.link(awaitMail(1), "/reset-password/");
    jdbc.sql("""
            update password_resets set expires_at = now() - interval '1 second'
            where user_id = (select id from users where email = ?)""").param(email).update();

    assertThatThrownBy(() -> resets.reset(token(link), NEW)).isInstanceOf(NotFoundException.class);
    assertThat(login(email, OLD)).doesNotContain("error");
  }

  @Test
  void using_a_link_ends_the_earlier_ones_of_the_user() {
    String email = email();
    api.signUp(email, OLD, "Reset Org");
    PasswordResetRequests requests = requests();
    requests.request(email, null);
    String first = TestSmtp.link(awaitMail(1), "/reset-password/");
    requests.request(email, null);
    String second = TestSmtp.link(awaitMail(2), "/reset-password/");

    requests.reset(token(second), NEW);

    assertThatThrownBy(() -> requests.reset(token(first), "yet another long password")).isInstanceOf(NotFoundException.class);
  }

  @Test
  void the_new_password_follows_the_sign_up_rules() {
    String email = email();
    api.signUp(email, OLD, "Reset Org");
    requests().request(email, null);
    String link = TestSmtp.link(awaitMail(1), "/reset-password/");

    assertThatThrownBy(() -> resets.reset(token(link), "too short")).isInstanceOf(InvalidInputException.class);
    resets.reset(token(link), NEW);
  }

  @Test
  void a_reset_lifts_the_lockout_of_the_account() throws Exception {
    String email = email();
    api.signUp(email, OLD, "Reset Org");
    for (int i = 0; i < LoginAttempts.MAX_FAILURES; i++) {
      attempts.failed(LoginAttempts.account(email)); // as five wrong passwords would (FormLoginIT)
    }
    assertThat(login(email, OLD)).as("locked").contains("/login?error");
    requests().request(email, null);

    resets.reset(token(TestSmtp.link(awaitMail(1), "/reset-password/")), NEW);

    assertThat(attempts.isLocked(LoginAttempts.account(email))).isFalse();
    assertThat(login(email, NEW)).doesNotContain("error");
  }

  @Test
  void requests_are_throttled_per_email_and_per_address_whether_or_not_the_email_exists() {
    PasswordResetRequests requests = requests();
    String unknown = email();
    for (int i = 0; i < PasswordResetRequests.PER_EMAIL; i++) {
      requests.request(unknown, null);
    }
    assertThatThrownBy(() -> requests.request(unknown, null)).isInstanceOf(TooManyRequestsException.class);

    for (int i = 0; i < PasswordResetRequests.PER_ADDRESS; i++) {
      requests.request(email(), "198.51.100.7");
    }
    assertThatThrownBy(() -> requests.request(email(), "198.51.100.7")).isInstanceOf(TooManyRequestsException.class);
    requests.request(email(), "198.51.100.8");
  }

  @Test
  void the_api_resets_by_link_and_answers_problems() {
    String email = email();
    api.signUp(email, OLD, "Reset Org");
    requests().request(email, null);
    String token = token(TestSmtp.link(awaitMail(1), "/reset-password/"));

    Api.Response weak = api.post("/api/v1/password-resets/" + token, null, Map.of("password", "short"));
    assertThat(weak.status()).isEqualTo(400);
    assertThat(weak.json().path("errors").get(0).path("field").asString()).isEqualTo("password");
    Api.Response reset = api.post("/api/v1/password-resets/" + token, null, Map.of("password", NEW));
    assertThat(reset.status()).as(reset.raw()).isEqualTo(204);
    Api.Response reused = api.post("/api/v1/password-resets/" + token, null, Map.of("password", NEW));
    assertThat(reused.status()).isEqualTo(404);
    assertThat(reused.json().path("type").asString()).isEqualTo("https://flowgate.dev/problems/not-found");
  }

  @Test
  void without_smtp_the_api_says_reset_by_mail_is_not_configured() {
    Api.Response refused = api.post("/api/v1/password-resets", null, Map.of("email", email()));

    assertThat(refused.status()).isEqualTo(503);
    assertThat(refused.json().path("type").asString()).isEqualTo("https://flowgate.dev/problems/not-configured");
    assertThat(refused.json().path("detail").asString()).contains("ask an admin");
  }

  /**
   * Posts the login form; answers the redirect target. Every test logs in from 127.0.0.1, which
   * FormLoginIT's five wrong passwords lock for all: lift that address lock first.
   */
  private String login(String email, String password) throws IOException, InterruptedException {
    attempts.succeeded(LoginAttempts.address("127.0.0.1"));
    return LoginForm.redirectTarget(port, email, password);
  }
}
