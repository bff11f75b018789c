package dev.flowgate.portal.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flowgate.portal.Api;
import dev.flowgate.portal.PortalIT;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class InvitationsIT extends PortalIT {

  private static final String PASSWORD = "a long enough password";

  @Autowired Invitations invitations;

  private static String email() {
    return "invited-" + UUID.randomUUID() + "@example.com";
  }

  @Test
  void an_invited_teammate_joins_with_the_role_by_link_once() {
    Api.Tenant tenant = signUp();
    String email = email();

    Api.Response invited = api.post("/api/v1/members/invitations", tenant.token(), Map.of("email", email, "role", "developer"));

    assertThat(invited.status()).as(invited.raw()).isEqualTo(201);
    String token = invited.json().path("token").asString();
    assertThat(invited.json().path("link").asString()).endsWith("/invite/" + token);
    assertThat(jdbc.sql("select token_hash from invitations where email = ?").param(email).query(String.class).single())
        .isNotEqualTo(token);
    Api.Response accepted = api.post("/api/v1/invitations/accept", null, Map.of("token", token, "password", PASSWORD));
    assertThat(accepted.status()).as(accepted.raw()).isEqualTo(201);
    assertThat(accepted.json().path("role").asString()).isEqualTo("developer");
    assertThat(api.get("/api/v1/members", tenant.token()).raw()).contains(email);
    assertThat(api.post("/api/v1/invitations/accept", null, Map.of("token", token, "password", PASSWORD)).status()).isEqualTo(404);
  }

  @Test
  void invitations_need_an_owner_or_admin_a_valid_email_and_role_and_only_owners_invite_owners() {
    Api.Tenant tenant = signUp();
    String admin = member(tenant, "admin");

    assertThat(api.post("/api/v1/members/invitations", member(tenant, "developer"), Map.of("email", email(), "role", "viewer"))
        .status()).isEqualTo(403);
    Api.Response bad = api.post("/api/v1/members/invitations", admin, Map.of("email", "nope", "role", "owner"));
    assertThat(bad.status()).isEqualTo(400);
    assertThat(bad.json().path("errors").toString()).contains("\"field\":\"email\"").contains("only an owner can invite an owner");
    assertThat(api.post("/api/v1/members/invitations", admin, Map.of("email", tenant.email(), "role", "viewer")).status())
        .isEqualTo(409);
  }

  @Test
  void the_invitation_page_sets_the_password_and_refuses_an_unknown_link() {
    Api.Tenant tenant = signUp();
    String token = api.post("/api/v1/members/invitations", tenant.token(), Map.of("email", email(), "role", "viewer"))
        .json().path("token").asString();
    AcceptInvitationView view = new AcceptInvitationView(invitations);
    view.token(token);

    view.password.setValue("short");
    view.accept();
    assertThat(view.password.isInvalid()).isTrue();
    view.password.setValue(PASSWORD);
    view.accept();
    assertThat(view.status.getText()).contains("(viewer)");

    AcceptInvitationView unknown = new AcceptInvitationView(invitations);
    unknown.token("0".repeat(48));
    unknown.password.setValue(PASSWORD);
    unknown.accept();
    assertThat(unknown.status.getText()).contains("unknown, used or expired");
  }
}
