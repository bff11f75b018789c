package dev.flowgate.portal.base.ui;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.applayout.AppLayout;
import com.vaadin.flow.component.applayout.DrawerToggle;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.page.ColorScheme;
import com.vaadin.flow.component.sidenav.SideNav;
import com.vaadin.flow.component.sidenav.SideNavItem;
import com.vaadin.flow.spring.security.AuthenticationContext;
import dev.flowgate.portal.base.security.PortalUser;
import jakarta.annotation.security.PermitAll;

/** The signed-in frame: brand, navigation, light/dark toggle, the user and log out. */
@PermitAll
public class MainLayout extends AppLayout {

  public MainLayout(AuthenticationContext authentication) {
    H1 brand = new H1("Flowgate");
    brand.addClassName("flowgate-brand");

    Button theme = new Button(themeIcon(ColorSchemes.current()).create());
    theme.setId("theme-toggle");
    theme.setAriaLabel("Switch between light and dark");
    theme.setTooltipText("Light / dark");
    theme.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
    theme.addClickListener(e -> theme.setIcon(themeIcon(ColorSchemes.toggle(UI.getCurrent())).create()));

    Span user = new Span(authentication.getAuthenticatedUser(PortalUser.class).map(PortalUser::email).orElse(""));
    user.setId("current-user");
    user.addClassName("flowgate-muted");

    Button logout = new Button("Log out", VaadinIcon.SIGN_OUT.create(), e -> authentication.logout());
    logout.setId("logout");
    logout.addThemeVariants(ButtonVariant.LUMO_TERTIARY);

    HorizontalLayout header = new HorizontalLayout(brand, theme, user, logout);
    header.setAlignItems(FlexComponent.Alignment.CENTER);
    header.expand(brand);
    header.setWidthFull();
    header.getStyle().set("padding-inline-end", "var(--lumo-space-m)");
    addToNavbar(new DrawerToggle(), header);

    SideNav nav = new SideNav();
    nav.addItem(new SideNavItem("Dashboard", "", VaadinIcon.DASHBOARD.create()));
    nav.setId("main-nav");
    addToDrawer(nav);
    setPrimarySection(Section.DRAWER);
  }

  @Override
  protected void onAttach(AttachEvent attachEvent) {
    super.onAttach(attachEvent);
    ColorSchemes.apply(attachEvent.getUI());
  }

  private static VaadinIcon themeIcon(ColorScheme.Value scheme) {
    return scheme == ColorScheme.Value.DARK ? VaadinIcon.SUN_O : VaadinIcon.MOON_O;
  }
}
