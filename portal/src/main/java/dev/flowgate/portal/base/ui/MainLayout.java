package dev.flowgate.portal.base.ui;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.applayout.AppLayout;
import com.vaadin.flow.component.applayout.DrawerToggle;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
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
    String role = authentication.getAuthenticatedUser(PortalUser.class).map(PortalUser::role).orElse("");
    if (!role.equals("billing")) {
      nav.addItem(new SideNavItem("Services", "services", VaadinIcon.SERVER.create()));
      nav.addItem(new SideNavItem("Routes", "routes", VaadinIcon.ROAD_BRANCHES.create()));
      nav.addItem(new SideNavItem("Workflows", "workflows", VaadinIcon.CLUSTER.create()));
      nav.addItem(new SideNavItem("Audit log", "audit-logs", VaadinIcon.RECORDS.create()));
    }
    if (role.equals("owner") || role.equals("admin")) {
      nav.addItem(new SideNavItem("Team", "team", VaadinIcon.USERS.create()));
      nav.addItem(new SideNavItem("Management tokens", "tokens", VaadinIcon.PASSWORD.create()));
    }
    SideNavItem reference = new SideNavItem("API reference", "/swagger-ui/index.html", VaadinIcon.BOOK.create());
    reference.setOpenInNewBrowserTab(true);
    reference.setRouterIgnore(true);
    nav.addItem(reference);
    nav.setId("main-nav");
    addToDrawer(nav);
    setPrimarySection(Section.DRAWER);
  }

  /** A list beside its form (stacked on narrow screens). */
  public static Div listAndForm(Component list, Component form) {
    list.getElement().getStyle().set("flex", "2 1 30rem").set("min-width", "0");
    form.getElement().getStyle().set("flex", "1 1 20rem");
    Div content = new Div(list, form);
    content.getStyle().set("display", "flex").set("flex-wrap", "wrap").set("gap", "var(--lumo-space-l)")
        .set("align-items", "flex-start");
    return content;
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
