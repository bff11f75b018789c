package dev.flowgate.portal.base.ui;

import static dev.flowgate.portal.ViewSession.byId;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.server.auth.AccessAnnotationChecker;
import com.vaadin.flow.spring.security.AuthenticationContext;
import dev.flowgate.portal.Api;
import dev.flowgate.portal.PortalIT;
import dev.flowgate.portal.ViewSession;
import dev.flowgate.portal.base.security.PortalUser;
import dev.flowgate.portal.billing.BillingView;
import dev.flowgate.portal.tenants.TenantService;
import dev.flowgate.portal.usage.UsageView;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;

/** Who is shown, and may open, the usage and billing screens. */
class NavigationIT extends PortalIT {

  @RegisterExtension final ViewSession session = new ViewSession();

  @Autowired AuthenticationContext authentication;
  @Autowired TenantService tenants;

  private static boolean mayOpen(Class<?> view, PortalUser user) {
    return new AccessAnnotationChecker().hasAccess(view, user::getUsername,
        role -> user.getAuthorities().stream().anyMatch(a -> a.getAuthority().equals("ROLE_" + role)));
  }

  @Test
  void usage_is_in_everyones_navigation_and_billing_only_for_owner_admin_and_billing() {
    Api.Tenant tenant = signUp();
    for (String role : new String[] {"owner", "admin", "developer", "viewer", "billing"}) {
      PortalUser user = session.signIn(tenant, role);
      MainLayout layout = new MainLayout(authentication, tenants);
      boolean billingRole = role.equals("owner") || role.equals("admin") || role.equals("billing");

      assertThat(byId(layout, "nav-usage")).as(role).isPresent();
      assertThat(byId(layout, "nav-billing").isPresent()).as(role).isEqualTo(billingRole);
      assertThat(mayOpen(UsageView.class, user)).as(role).isTrue();
      assertThat(mayOpen(BillingView.class, user)).as(role).isEqualTo(billingRole);
    }
  }
}
