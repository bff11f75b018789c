package dev.flowgate.portal.dashboard;

import static dev.flowgate.portal.ViewSession.byId;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.spring.security.AuthenticationContext;
import dev.flowgate.portal.Api;
import dev.flowgate.portal.PortalIT;
import dev.flowgate.portal.ViewSession;
import dev.flowgate.portal.apikeys.ApiKeyManagement;
import dev.flowgate.portal.base.config.PortalProperties;
import dev.flowgate.portal.usage.UsageClient;
import java.time.Clock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;

class DashboardRolesIT extends PortalIT {

  @RegisterExtension final ViewSession session = new ViewSession();

  @Autowired UsageClient usage;
  @Autowired ApiKeyManagement keys;
  @Autowired SampleApiService sample;
  @Autowired PortalProperties properties;
  @Autowired AuthenticationContext authentication;
  @Autowired Clock clock;

  private DashboardView dashboardAs(String role) {
    Api.Tenant tenant = signUp();
    session.signIn(tenant, role);
    return new DashboardView(usage, keys, sample, properties, authentication, clock);
  }

  @Test
  void a_developer_can_create_keys_and_the_sample_api() {
    DashboardView view = dashboardAs("developer");
    assertThat(byId(view, "create-key").map(Component::isVisible)).contains(true);
    assertThat(byId(view, "create-sample-api")).isPresent();
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
