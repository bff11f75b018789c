package dev.flowgate.portal.accounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.flowgate.portal.PortalIT;
import dev.flowgate.portal.base.config.PortalProperties;
import java.time.Clock;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class PasswordResetViewsIT extends PortalIT {

  private static final String NEW = "a brand new long password";

  @Autowired PasswordResets resets;
  @Autowired PasswordResetRequests withoutSmtp;
  @Autowired PortalProperties properties;

  private final TestSmtp smtp = new TestSmtp();

  @AfterEach
  void stop() {
    smtp.close();
  }

  private PasswordResetRequests withSmtp() {
    return new PasswordResetRequests(resets, smtp.mailer(), properties, Clock.systemUTC());
  }

  private static String email() {
    return "reset-view-" + UUID.randomUUID() + "@example.com";
  }

  @Test
  void without_smtp_the_request_screen_says_reset_by_mail_is_unavailable_and_to_ask_an_admin() {
    ForgotPasswordView view = new ForgotPasswordView(withoutSmtp);

    assertThat(view.status.getText()).contains("not available").contains("ask an owner or admin");
    assertThat(view.email.getParent()).isEmpty();
    assertThat(view.send.getParent()).isEmpty();
  }

  @Test
  void the_request_screen_answers_alike_for_a_known_and_an_unknown_email_and_mails_only_the_known_one() throws Exception {
    String known = email();
    api.signUp(known, "correct horse battery", "Reset View Org");
    PasswordResetRequests requests = withSmtp();

    ForgotPasswordView forKnown = new ForgotPasswordView(requests);
    forKnown.email.setValue(known);
    forKnown.request();
    ForgotPasswordView forUnknown = new ForgotPasswordView(requests);
    forUnknown.email.setValue(email());
    forUnknown.request();

    assertThat(forKnown.status.getText()).contains("If an account has this email").isEqualTo(forUnknown.status.getText());
    await().atMost(Duration.ofSeconds(10)).until(() -> smtp.received().length == 1);
    await().during(Duration.ofMillis(300)).atMost(Duration.ofSeconds(2)).until(() -> smtp.received().length == 1);
    assertThat(smtp.received()[0].getAllRecipients()[0].toString()).isEqualTo(known);
  }

  @Test
  void the_request_screen_flags_a_bad_email_and_says_when_it_is_throttled() {
    ForgotPasswordView view = new ForgotPasswordView(withSmtp());

    view.email.setValue("not-an-email");
    view.request();
    assertThat(view.email.isInvalid()).isTrue();

    view.email.setValue(email());
    for (int i = 0; i <= PasswordResetRequests.PER_EMAIL; i++) {
      view.request();
    }
    assertThat(view.status.getText()).startsWith("Too many password reset requests");
  }

  @Test
  void the_reset_screen_checks_the_password_sets_it_once_and_refuses_the_link_again() {
    String email = email();
    api.signUp(email, "correct horse battery", "Reset View Org");
    withSmtp().request(email, null);
    await().atMost(Duration.ofSeconds(10)).until(() -> smtp.received().length == 1);
    String link = TestSmtp.link(smtp.received()[0], "/reset-password/");
    String token = link.substring(link.lastIndexOf('/') + 1);

    ResetPasswordView view = new ResetPasswordView(withoutSmtp);
    view.token(token);
    view.password.setValue("short");
    view.reset();
    assertThat(view.password.isInvalid()).isTrue();
    view.password.setValue(NEW);
    view.reset();
    assertThat(view.status.getText()).contains("Your password is changed");
    assertThat(view.save.isEnabled()).isFalse();

    ResetPasswordView again = new ResetPasswordView(withoutSmtp);
    again.token(token);
    again.password.setValue(NEW);
    again.reset();
    assertThat(again.status.getText()).contains("unknown, used or expired");
  }

  @Test
  void a_suspended_tenants_user_is_told_why_the_password_cannot_change() {
    String email = email();
    api.signUp(email, "correct horse battery", "Suspended Org");
    withSmtp().request(email, null);
    await().atMost(Duration.ofSeconds(10)).until(() -> smtp.received().length == 1);
    String link = TestSmtp.link(smtp.received()[0], "/reset-password/");
    String hash = jdbc.sql("select password_hash from users where email = ?").param(email).query(String.class).single();
    jdbc.sql("update tenants set status = 'suspended' where id = (select tenant_id from users where email = ?)").param(email).update();

    ResetPasswordView view = new ResetPasswordView(withoutSmtp);
    view.token(link.substring(link.lastIndexOf('/') + 1));
    view.password.setValue(NEW);
    view.reset();

    assertThat(view.status.getText()).contains("suspended");
    assertThat(jdbc.sql("select password_hash from users where email = ?").param(email).query(String.class).single())
        .isEqualTo(hash);
  }
}
