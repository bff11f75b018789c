package dev.flowgate.portal.admin;

import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;
import dev.flowgate.portal.base.security.PlatformPrincipal;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * Platform operators belong to no tenant, so the tenant dashboard ({@code /}, where the login form
 * lands) has nothing for them: they land on the admin area instead.
 */
@Component
class PlatformLanding implements VaadinServiceInitListener {

  @Override
  public void serviceInit(ServiceInitEvent event) {
    event.getSource().addUIInitListener(ui -> ui.getUI().addBeforeEnterListener(enter -> {
      Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
      if (enter.getLocation().getPath().isEmpty()
          && authentication != null && authentication.getPrincipal() instanceof PlatformPrincipal) {
        enter.forwardTo(AdminTenantsView.class);
      }
    }));
  }
}
