package dev.flowgate.portal.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.spring.security.AuthenticationContext;
import dev.flowgate.portal.Api;
import dev.flowgate.portal.PortalIT;
import dev.flowgate.portal.ViewSession;
import dev.flowgate.portal.base.security.PortalUser;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;

class TeamViewIT extends PortalIT {

  @RegisterExtension final ViewSession session = new ViewSession();

  @Autowired MemberManagement members;
  @Autowired InvitationDelivery invitations;
  @Autowired AuthenticationContext authentication;

  @Test
  void without_smtp_the_team_screen_invites_by_link_and_shows_field_errors() {
    Api.Tenant tenant = signUp();
    UUID owner = jdbc.sql("select id from users where tenant_id = ?").param(tenant.id()).query(UUID.class).single();
    PortalUser user = new PortalUser(owner, tenant.id(), tenant.email(), "x", "owner");
    session.signIn(user);
    TeamView view = new TeamView(members, invitations, authentication);

    view.email.setValue("not-an-email");
    view.invite();
    assertThat(view.email.isInvalid()).isTrue();
    assertThat(view.link.isVisible()).isFalse();

    String email = "teammate-" + UUID.randomUUID() + "@example.com";
    view.email.setValue(email);
    view.role.setValue("billing");
    view.invite();

    assertThat(view.email.isInvalid()).isFalse();
    assertThat(view.link.getValue()).contains("/invite/");
    String token = view.link.getValue().substring(view.link.getValue().lastIndexOf('/') + 1);
    assertThat(api.post("/api/v1/invitations/accept", null, Map.of("token", token, "password", "a long enough password"))
        .json().path("role").asString()).isEqualTo("billing");
  }
}
