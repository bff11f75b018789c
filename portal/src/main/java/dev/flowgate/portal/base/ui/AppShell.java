package dev.flowgate.portal.base.ui;

import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.page.AppShellConfigurator;
import com.vaadin.flow.component.page.ColorScheme;
import com.vaadin.flow.server.AppShellSettings;
import com.vaadin.flow.theme.lumo.Lumo;

/** Loads Lumo and the Flowgate brand layer (from the frontend-theme jar); light by default. */
@StyleSheet(Lumo.STYLESHEET)
@StyleSheet("themes/flowgate/styles.css")
@ColorScheme(ColorScheme.Value.LIGHT)
public class AppShell implements AppShellConfigurator {

  @Override
  public void configurePage(AppShellSettings settings) {
    settings.setPageTitle("Flowgate");
    settings.addMetaTag("description", "Flowgate: publish, secure and meter your APIs");
  }
}
