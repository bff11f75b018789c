package dev.flowgate.portal.tokens;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.data.provider.Query;
import com.vaadin.flow.spring.security.AuthenticationContext;
import dev.flowgate.portal.Api;
import dev.flowgate.portal.PortalIT;
import dev.flowgate.portal.ViewSession;
import dev.flowgate.portal.base.security.PortalUser;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;

class TokensViewIT extends PortalIT {

  @RegisterExtension final ViewSession session = new ViewSession();

  @Autowired ManagementTokenService tokens;
  @Autowired AuthenticationContext authentication;

  @Test
  void a_token_created_on_screen_is_shown_once_works_and_stops_working_when_revoked() {
    Api.Tenant tenant = signUp();
    UUID owner = jdbc.sql("select id from users where tenant_id = ?").param(tenant.id()).query(UUID.class).single();
    PortalUser user = new PortalUser(owner, tenant.id(), tenant.email(), "x", "owner");
    session.signIn(user);
    TokensView view = new TokensView(tokens, authentication);

    view.create.click();
    assertThat(view.name.isInvalid()).isTrue();
    view.name.setValue("deploy script");
    view.create.click();

    String token = view.secret.getValue();
    assertThat(view.secret.isVisible()).isTrue();
    assertThat(api.get("/api/v1/services", token).status()).isEqualTo(200);
    TokenView listed = view.grid.getDataProvider().fetch(new Query<>(0, 10, null, null, null))
        .filter(t -> t.name().equals("deploy script")).findFirst().orElseThrow();
    view.revoke(listed);
    assertThat(api.get("/api/v1/services", token).status()).isEqualTo(401);
  }
}
