package dev.flowgate.portal.dashboard;

import static dev.flowgate.portal.ViewSession.byId;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.spring.security.AuthenticationContext;
import dev.flowgate.portal.Api;
import dev.flowgate.portal.PortalIT;
import dev.flowgate.portal.ViewSession;
import dev.flowgate.portal.apikeys.ApiKeyManagement;
import dev.flowgate.portal.base.config.PortalProperties;
import dev.flowgate.portal.apikeys.CreateKeyForm;
import dev.flowgate.portal.base.security.PortalUser;
import dev.flowgate.portal.routing.RouteManagement;
import dev.flowgate.portal.usage.UsageClient;
import java.time.Clock;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.context.SecurityContextHolder;

class DashboardRolesIT extends PortalIT {

  @RegisterExtension final ViewSession session = new ViewSession();

  @Autowired UsageClient usage;
  @Autowired ApiKeyManagement keys;
  @Autowired RouteManagement routes;
  @Autowired SampleApiService sample;
  @Autowired PortalProperties properties;
  @Autowired AuthenticationContext authentication;
  @Autowired Clock clock;

  private DashboardView dashboardAs(String role) {
    Api.Tenant tenant = signUp();
    session.signIn(tenant, role);
    return new DashboardView(usage, keys, routes, sample, properties, authentication, clock);
  }

  /** Through a dialog's footer, which holds its buttons outside its component children. */
  private static Optional<Component> inElements(com.vaadin.flow.dom.Element root, String id) {
    if (id.equals(root.getAttribute("id"))) {
      return root.getComponent();
    }
    return root.getChildren().map(c -> inElements(c, id)).flatMap(Optional::stream).findFirst();
  }

  @Test
  void a_developer_can_create_keys_and_the_sample_api() {
    DashboardView view = dashboardAs("developer");
    assertThat(byId(view, "create-key").map(Component::isVisible)).contains(true);
    assertThat(byId(view, "create-sample-api")).isPresent();
  }

  @Test
  void the_dashboard_creates_keys_with_the_keys_screens_dialog_and_shows_a_curl_for_the_sample_api() {
    DashboardView view = dashboardAs("developer");
    PortalUser user = (PortalUser) SecurityContextHolder.getContext().getAuthentication().getPrincipal();

    CreateKeyForm dialog = view.createKeyForm(keys, routes, properties.gatewayUrl());
    // the onboarding journey's selectors (e2e NewKeyDialog): #key-name, #key-create-submit, #key-secret, #curl-example
    ((TextField) byId(dialog, "key-name").orElseThrow()).setValue("journey key");
    assertThat(byId(dialog, "new-key-routes")).isPresent();
    ((Button) inElements(dialog.getFooter().getElement(), "key-create-submit").orElseThrow()).click();

    String secret = ((TextField) byId(dialog, "key-secret").orElseThrow()).getValue();
    assertThat(secret).matches("fg_live_[0-9A-Za-z]{32}");
    assertThat(((TextArea) byId(dialog, "curl-example").orElseThrow()).getValue())
        .isEqualTo("curl -H \"X-API-Key: " + secret + "\" " + properties.gatewayUrl() + "/sample/hello");
    assertThat(keys.list(user.actor(), org.springframework.data.domain.Pageable.ofSize(5)).getContent())
        .singleElement().satisfies(k -> assertThat(k.scopes()).containsExactly("*"));
  }

  @Test
  void a_viewer_sees_keys_but_cannot_create_them() {
    DashboardView view = dashboardAs("viewer");
    assertThat(byId(view, "keys-grid")).isPresent();
    assertThat(byId(view, "create-key").map(Component::isVisible)).contains(false);
    assertThat(byId(view, "create-sample-api")).isEmpty();
  }

  @Test
  void billing_sees_usage_but_not_keys() {
    DashboardView view = dashboardAs("billing");
    assertThat(byId(view, "usage-calls")).isPresent();
    assertThat(byId(view, "keys-grid")).isEmpty();
  }
}
