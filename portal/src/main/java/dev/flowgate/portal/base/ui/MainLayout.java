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
import com.vaadin.flow.component.HasElement;
import dev.flowgate.portal.base.security.PlatformUser;
import dev.flowgate.portal.base.security.PortalUser;
import dev.flowgate.portal.tenants.Tenant;
import dev.flowgate.portal.tenants.TenantService;
import jakarta.annotation.security.PermitAll;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.userdetails.UserDetails;

/**
 * The signed-in frame: brand, navigation, light/dark toggle, the user and log out; above every
 * page of a suspended tenant, a banner that says why.
 */
@PermitAll
public class MainLayout extends AppLayout {

  private final @Nullable Div suspendedBanner;

  public MainLayout(AuthenticationContext authentication, TenantService tenants) {
    H1 brand = new H1("Flowgate");
    brand.addClassName("flowgate-brand");

    Button theme = new Button(themeIcon(ColorSchemes.current()).create());
    theme.setId("theme-toggle");
    theme.setAriaLabel("Switch between light and dark");
    theme.setTooltipText("Light / dark");
    theme.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
    theme.addClickListener(e -> theme.setIcon(themeIcon(ColorSchemes.toggle(UI.getCurrent())).create()));

    // getAuthenticatedUser casts: ask for UserDetails, then tell a tenant's user from a platform operator
    UserDetails signedIn = authentication.getAuthenticatedUser(UserDetails.class).orElse(null);
    Span user = new Span(signedIn == null ? "" : signedIn.getUsername());
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
    if (signedIn instanceof PlatformUser) {
      // platform operators belong to no tenant: only the admin area
      SideNavItem tenantsItem = new SideNavItem("Tenants", "admin/tenants", VaadinIcon.OFFICE.create());
      tenantsItem.setId("nav-admin-tenants");
      nav.addItem(tenantsItem);
      billingTeamNavigation(nav);
      if (((PlatformUser) signedIn).isPlatformAdmin()) {
        platformAdminNavigation(nav);
      }
    } else {
      tenantNavigation(nav, signedIn instanceof PortalUser portalUser ? portalUser.role() : "");
    }
    SideNavItem reference = new SideNavItem("API reference", "/swagger-ui/index.html", VaadinIcon.BOOK.create());
    reference.setOpenInNewBrowserTab(true);
    reference.setRouterIgnore(true);
    nav.addItem(reference);
    nav.setId("main-nav");
    addToDrawer(nav);
    setPrimarySection(Section.DRAWER);

    suspendedBanner = Optional.ofNullable(signedIn instanceof PortalUser portalUser ? portalUser : null)
        .flatMap(u -> tenants.find(u.actor().tenantId()))
        .filter(Tenant::isSuspended)
        .map(MainLayout::suspendedBanner)
        .orElse(null);
  }

  /** Users, the audit trail and health: the platform admin's alone. */
  private static void platformAdminNavigation(SideNav nav) {
    String[][] items = {{"Users", "admin/users", "users"}, {"Audit trail", "admin/audit", "audit"},
        {"Health", "admin/health", "health"}};
    VaadinIcon[] icons = {VaadinIcon.USERS, VaadinIcon.RECORDS, VaadinIcon.HEART};
    for (int i = 0; i < items.length; i++) {
      SideNavItem item = new SideNavItem(items[i][0], items[i][1], icons[i].create());
      item.setId("nav-admin-" + items[i][2]);
      nav.addItem(item);
    }
  }

  /** The billing area, for both platform roles (billing-team and platform-admin). */
  private static void billingTeamNavigation(SideNav nav) {
    String[][] items = {{"Revenue", "billing-team/revenue", "revenue"}, {"Usage by tenant", "billing-team/usage", "usage"},
        {"All invoices", "billing-team/invoices", "invoices"}, {"Exports", "billing-team/exports", "exports"}};
    VaadinIcon[] icons = {VaadinIcon.MONEY, VaadinIcon.CHART, VaadinIcon.INVOICE, VaadinIcon.DOWNLOAD};
    for (int i = 0; i < items.length; i++) {
      SideNavItem item = new SideNavItem(items[i][0], items[i][1], icons[i].create());
      item.setId("nav-billing-team-" + items[i][2]);
      nav.addItem(item);
    }
  }

  private static void tenantNavigation(SideNav nav, String role) {
    nav.addItem(new SideNavItem("Dashboard", "", VaadinIcon.DASHBOARD.create()));
    SideNavItem usage = new SideNavItem("Usage", "usage", VaadinIcon.CHART.create());
    usage.setId("nav-usage");
    nav.addItem(usage);
    if (role.equals("owner") || role.equals("admin") || role.equals("billing")) {
      SideNavItem billing = new SideNavItem("Billing", "billing", VaadinIcon.INVOICE.create());
      billing.setId("nav-billing");
      nav.addItem(billing);
    }
    if (!role.equals("billing")) {
      SideNavItem keys = new SideNavItem("API keys", "keys", VaadinIcon.KEY.create());
      keys.setId("nav-keys");
      nav.addItem(keys);
      SideNavItem catalog = new SideNavItem("API catalog", "catalog", VaadinIcon.BOOK.create());
      catalog.setId("nav-catalog");
      nav.addItem(catalog);
      nav.addItem(new SideNavItem("Services", "services", VaadinIcon.SERVER.create()));
      nav.addItem(new SideNavItem("Routes", "routes", VaadinIcon.ROAD_BRANCHES.create()));
      nav.addItem(new SideNavItem("Workflows", "workflows", VaadinIcon.CLUSTER.create()));
      nav.addItem(new SideNavItem("Audit log", "audit-logs", VaadinIcon.RECORDS.create()));
    }
    if (role.equals("owner") || role.equals("admin")) {
      nav.addItem(new SideNavItem("Team", "team", VaadinIcon.USERS.create()));
      nav.addItem(new SideNavItem("Management tokens", "tokens", VaadinIcon.PASSWORD.create()));
    }
  }

  private static Div suspendedBanner(Tenant tenant) {
    Span title = new Span("This organisation is suspended.");
    title.getStyle().set("font-weight", "600");
    Span reason = new Span(" Reason: " + (tenant.getSuspendedReason() == null ? "not given" : tenant.getSuspendedReason())
        + ". Its APIs answer 403 at the gateway and changes are refused; you can still read everything."
        + " Contact the platform's support to have it reinstated.");
    Div banner = new Div(VaadinIcon.WARNING.create(), title, reason);
    banner.setId("tenant-suspended-banner");
    banner.getElement().setAttribute("role", "alert");
    banner.getStyle().set("background", "var(--lumo-error-color-10pct)").set("color", "var(--lumo-error-text-color)")
        .set("padding", "var(--lumo-space-s) var(--lumo-space-m)").set("display", "flex").set("gap", "var(--lumo-space-s)")
        .set("align-items", "center").set("flex-wrap", "wrap");
    return banner;
  }

  /** Whether a suspension banner tops the pages (the tenant was suspended when the frame was built). */
  public boolean showsSuspension() {
    return suspendedBanner != null;
  }

  @Override
  public void showRouterLayoutContent(HasElement content) {
    if (suspendedBanner == null) {
      super.showRouterLayoutContent(content);
      return;
    }
    Div page = new Div(suspendedBanner);
    page.getElement().appendChild(content.getElement());
    setContent(page);
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
