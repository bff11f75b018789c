package dev.flowgate.portal.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.spring.security.AuthenticationContext;
import dev.flowgate.portal.Api;
import dev.flowgate.portal.PortalIT;
import dev.flowgate.portal.base.security.Actor;
import dev.flowgate.portal.base.security.PortalUser;
import jakarta.mail.internet.MimeMessage;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;

/** Invitations by mail through a real SMTP server (GreenMail), and what the inviter sees when mail fails. */
class InvitationMailIT extends PortalIT {

  @Autowired MemberManagement members;
  @Autowired Invitations invitations;
  @Autowired AuthenticationContext authentication;

  private final TestSmtp smtp = new TestSmtp();

  @AfterEach
  void stop() {
    smtp.close();
    UI.setCurrent(null);
    SecurityContextHolder.clearContext();
  }

  private static String email() {
    return "mailed-" + UUID.randomUUID() + "@example.com";
  }

  /** Signs in as the tenant's owner (transactions are then scoped to the tenant); answers the owner's actor. */
  private Actor signIn(Api.Tenant tenant) {
    UUID owner = jdbc.sql("select id from users where tenant_id = ?").param(tenant.id()).query(UUID.class).single();
    PortalUser user = new PortalUser(owner, tenant.id(), tenant.email(), "x", "owner");
    SecurityContextHolder.getContext().setAuthentication(
        UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));
    return user.actor();
  }

  private TeamView teamScreen(Api.Tenant tenant, InvitationDelivery delivery) {
    signIn(tenant);
    UI.setCurrent(new UI());
    return new TeamView(members, delivery, authentication);
  }

  @Test
  void with_smtp_configured_the_invitation_is_mailed_and_its_link_is_not_shown() throws Exception {
    Api.Tenant tenant = signUp();
    TeamView view = teamScreen(tenant, new InvitationDelivery(invitations, smtp.mailer()));
    String email = email();

    view.email.setValue(email);
    view.role.setValue("viewer");
    view.invite();

    assertThat(view.status.getText()).isEqualTo("Invitation sent to " + email + " as viewer; the link works once, for 7 days.");
    assertThat(view.link.isVisible()).isFalse();
    assertThat(view.link.getValue()).isEmpty();
    MimeMessage[] received = smtp.received();
    assertThat(received).hasSize(1);
    assertThat(received[0].getAllRecipients()[0].toString()).isEqualTo(email);
    assertThat(received[0].getFrom()[0].toString()).isEqualTo("portal@flowgate.test");
    assertThat(received[0].getHeader("Flowgate-Event")[0]).isEqualTo("member.invited");
    String link = TestSmtp.link(received[0], "/invite/");
    String token = link.substring(link.lastIndexOf('/') + 1);
    Api.Response joined = api.post("/api/v1/invitations/accept", null, Map.of("token", token, "password", "a long enough password"));
    assertThat(joined.status()).as(joined.raw()).isEqualTo(201);
    assertThat(joined.json().path("role").asString()).isEqualTo("viewer");
  }

  @Test
  void a_mailed_invitation_answers_no_token_and_says_it_was_sent() {
    Api.Tenant tenant = signUp();
    Actor owner = signIn(tenant);

    InvitationDelivery.Invitation sent = new InvitationDelivery(invitations, smtp.mailer()).invite(owner, email(), "developer");

    assertThat(sent.mail()).isEqualTo("sent");
    assertThat(sent.token()).isNull();
    assertThat(sent.link()).isNull();
    assertThat(sent.mailError()).isNull();
  }

  @Test
  void when_the_mail_fails_the_invitation_still_exists_and_the_screen_says_so_and_shows_the_link() throws Exception {
    Api.Tenant tenant = signUp();
    TeamView view = teamScreen(tenant, new InvitationDelivery(invitations, TestSmtp.unreachable()));
    String email = email();

    view.email.setValue(email);
    view.invite();

    assertThat(view.status.getText()).contains("the invitation mail failed").contains(email);
    assertThat(view.link.isVisible()).isTrue();
    assertThat(view.link.getValue()).contains("/invite/");
    assertThat(jdbc.sql("select count(*) from invitations where email = ?").param(email).query(Long.class).single())
        .isEqualTo(1);
    String token = view.link.getValue().substring(view.link.getValue().lastIndexOf('/') + 1);
    assertThat(api.post("/api/v1/invitations/accept", null, Map.of("token", token, "password", "a long enough password"))
        .status()).isEqualTo(201);
  }

  @Test
  void a_failed_mail_is_in_the_answer_with_its_reason_and_the_link() throws Exception {
    Api.Tenant tenant = signUp();
    Actor owner = signIn(tenant);

    InvitationDelivery.Invitation failed = new InvitationDelivery(invitations, TestSmtp.unreachable())
        .invite(owner, email(), "developer");

    assertThat(failed.mail()).isEqualTo("failed");
    assertThat(failed.mailError()).isNotBlank();
    assertThat(failed.link()).endsWith("/invite/" + failed.token());
  }

  @Test
  void without_smtp_the_api_answers_the_link_and_says_mail_is_not_configured() {
    Api.Tenant tenant = signUp();

    Api.Response invited = api.post("/api/v1/members/invitations", tenant.token(), Map.of("email", email(), "role", "viewer"));

    assertThat(invited.status()).as(invited.raw()).isEqualTo(201);
    assertThat(invited.json().path("mail").asString()).isEqualTo("not_configured");
    assertThat(invited.json().path("link").asString()).endsWith("/invite/" + invited.json().path("token").asString());
  }
}
