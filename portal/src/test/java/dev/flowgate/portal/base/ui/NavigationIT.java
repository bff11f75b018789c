package dev.flowgate.portal.base.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.server.auth.AccessAnnotationChecker;
import com.vaadin.flow.spring.security.AuthenticationContext;
import dev.flowgate.portal.Api;
import dev.flowgate.portal.PortalIT;
import dev.flowgate.portal.base.security.PortalUser;
import dev.flowgate.portal.billing.BillingView;
import dev.flowgate.portal.tenants.TenantService;
import dev.flowgate.portal.usage.UsageView;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;

/** Who is shown, and may open, the usage and billing screens. */
class NavigationIT extends PortalIT {

  @Autowired AuthenticationContext authentication;
  @Autowired TenantService tenants;

  /** Held here: UI.getCurrent() keeps only a weak reference. */
  private UI ui;

  @AfterEach
  void signOut() {
    UI.setCurrent(null);
    SecurityContextHolder.clearContext();
  }

  private PortalUser signIn(Api.Tenant tenant, String role) {
    ui = new UI();
    UI.setCurrent(ui);
    PortalUser user = new PortalUser(UUID.randomUUID(), tenant.id(), role + "@example.com", "x", role);
    SecurityContextHolder.getContext().setAuthentication(
        UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));
    return user;
  }

  private static Optional<Component> byId(Component root, String id) {
    if (root.getId().filter(id::equals).isPresent()) {
      return Optional.of(root);
    }
    return root.getChildren().map(c -> byId(c, id)).flatMap(Optional::stream).findFirst();
  }

  private static boolean mayOpen(Class<?> view, PortalUser user) {
    return new AccessAnnotationChecker().hasAccess(view, user::getUsername,
        role -> user.getAuthorities().stream().anyMatch(a -> a.getAuthority().equals("ROLE_" + role)));
  }

  @Test
  void usage_is_in_everyones_navigation_and_billing_only_for_owner_admin_and_billing() {
    Api.Tenant tenant = signUp();
    for (String role : new String[] {"owner", "admin", "developer", "viewer", "billing"}) {
      PortalUser user = signIn(tenant, role);
      MainLayout layout = new MainLayout(authentication, tenants);
      boolean billingRole = role.equals("owner") || role.equals("admin") || role.equals("billing");

      assertThat(byId(layout, "nav-usage")).as(role).isPresent();
      assertThat(byId(layout, "nav-billing").isPresent()).as(role).isEqualTo(billingRole);
      assertThat(mayOpen(UsageView.class, user)).as(role).isTrue();
      assertThat(mayOpen(BillingView.class, user)).as(role).isEqualTo(billingRole);
    }
  }
}
