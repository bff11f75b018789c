package dev.flowgate.portal.base.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.page.ColorScheme;
import com.vaadin.flow.server.VaadinSession;

/** The user's light/dark choice, kept for the session and applied to every page. */
public final class ColorSchemes {

  private static final String ATTRIBUTE = ColorSchemes.class.getName();

  private ColorSchemes() {}

  public static ColorScheme.Value current() {
    VaadinSession session = VaadinSession.getCurrent();
    Object value = session == null ? null : session.getAttribute(ATTRIBUTE);
    return value instanceof ColorScheme.Value scheme ? scheme : ColorScheme.Value.LIGHT;
  }

  public static void apply(UI ui) {
    ui.getPage().setColorScheme(current());
  }

  public static ColorScheme.Value toggle(UI ui) {
    ColorScheme.Value next = current() == ColorScheme.Value.DARK ? ColorScheme.Value.LIGHT : ColorScheme.Value.DARK;
    VaadinSession.getCurrent().setAttribute(ATTRIBUTE, next);
    ui.getPage().setColorScheme(next);
    return next;
  }
}
