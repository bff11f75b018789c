package dev.flowgate.portal.base.ui;

import com.vaadin.flow.component.UI;
import dev.flowgate.portal.base.problems.TenantSuspendedException;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.server.ErrorEvent;
import com.vaadin.flow.server.ErrorHandler;
import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/** The UI's one error handler: logs and tells the user, without stack traces. */
@Component
class UiErrorHandler implements ErrorHandler, VaadinServiceInitListener {

  private static final Logger log = LoggerFactory.getLogger(UiErrorHandler.class);

  @Override
  public void serviceInit(ServiceInitEvent event) {
    event.getSource().addSessionInitListener(e -> e.getSession().setErrorHandler(this));
  }

  @Override
  public void error(ErrorEvent event) {
    String text = "Something went wrong. Please try again.";
    if (suspension(event.getThrowable())) {
      text = TenantSuspendedException.DETAIL + ".";
    } else {
      log.error("unexpected UI error", event.getThrowable());
    }
    String shown = text;
    UI ui = UI.getCurrent();
    if (ui != null) {
      ui.access(() -> {
        Notification notification = Notification.show(shown, 5000, Notification.Position.TOP_CENTER);
        notification.addThemeVariants(NotificationVariant.LUMO_ERROR);
      });
    }
  }

  /** A suspended tenant's refused change is expected, not an error to log. */
  private static boolean suspension(Throwable error) {
    for (Throwable t = error; t != null; t = t.getCause()) {
      if (t instanceof TenantSuspendedException) {
        return true;
      }
    }
    return false;
  }
}
