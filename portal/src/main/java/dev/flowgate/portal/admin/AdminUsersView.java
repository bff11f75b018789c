package dev.flowgate.portal.admin;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.spring.security.AuthenticationContext;
import dev.flowgate.portal.accounts.PlatformMembers;
import dev.flowgate.portal.base.problems.ConflictException;
import dev.flowgate.portal.base.problems.InvalidInputException;
import dev.flowgate.portal.base.security.PlatformUser;
import dev.flowgate.portal.base.ui.MainLayout;
import jakarta.annotation.security.RolesAllowed;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.PageRequest;

/**
 * Users of every tenant for the platform admin: search by email (a person with accounts in several
 * tenants shows once per tenant, with its role there), change a role, disable or enable an account.
 * Each change is audited in the user's tenant trail with the admin as the actor.
 */
@Route(value = "admin/users", layout = MainLayout.class)
@PageTitle("Users · Flowgate admin")
@RolesAllowed("PLATFORM_ADMIN")
public class AdminUsersView extends Main implements BeforeEnterObserver {

  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd").withZone(ZoneOffset.UTC);

  final TextField search = new TextField("Search");
  final Paragraph tenantFilter = new Paragraph();
  final Button allTenants = new Button("All tenants");
  final Grid<AdminUserView> grid = new Grid<>(AdminUserView.class, false);
  final Paragraph message = new Paragraph();
  final H3 selectedTitle = new H3("Select a user");
  final Select<String> role = new Select<>();
  final Button changeRole = new Button("Change role", VaadinIcon.USER_CHECK.create());
  final Button toggleDisabled = new Button();
  private final TenantAdministration administration;
  private final PlatformMembers members;
  private final PlatformUser admin;
  private @Nullable UUID tenantId;
  private @Nullable AdminUserView selected;

  public AdminUsersView(TenantAdministration administration, PlatformMembers members, AuthenticationContext authentication) {
    this.administration = administration;
    this.members = members;
    this.admin = authentication.getAuthenticatedUser(PlatformUser.class).orElseThrow();
    addClassNames("flowgate-page");

    search.setId("admin-user-search");
    search.setPlaceholder("Email");
    search.setAriaLabel("Search users of every tenant by email");
    search.setPrefixComponent(VaadinIcon.SEARCH.create());
    search.setClearButtonVisible(true);
    search.setMaxLength(100);
    search.setValueChangeMode(ValueChangeMode.LAZY);
    search.addValueChangeListener(e -> refresh());
    tenantFilter.setId("admin-user-tenant-filter");
    allTenants.setId("admin-user-all-tenants");
    allTenants.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
    allTenants.addClickListener(e -> filterTenant(null));
    HorizontalLayout toolbar = new HorizontalLayout(search, tenantFilter, allTenants);
    toolbar.setAlignItems(FlexComponent.Alignment.BASELINE);
    toolbar.setWrap(true);

    message.setId("admin-user-message");
    message.getElement().setAttribute("role", "status");

    grid.setId("admin-users-grid");
    grid.setAriaLabel("Users of every tenant");
    grid.addColumn(AdminUserView::email).setHeader("Email").setFlexGrow(3);
    grid.addColumn(u -> u.tenantName() + " (" + u.tenantSlug() + ")").setHeader("Tenant").setFlexGrow(3);
    grid.addColumn(AdminUserView::role).setHeader("Role").setFlexGrow(1);
    grid.addColumn(u -> u.disabled() ? "disabled" : "active").setHeader("Account").setFlexGrow(1);
    grid.addColumn(u -> DAY.format(u.createdAt())).setHeader("Joined").setFlexGrow(1);
    grid.setEmptyStateText("No user matches.");
    grid.asSingleSelect().addValueChangeListener(e -> select(e.getValue()));

    role.setId("admin-user-role");
    role.setLabel("Role in its tenant");
    role.setItems("owner", "admin", "developer", "viewer", "billing");
    role.addValueChangeListener(e -> changeRole.setEnabled(selected != null && e.getValue() != null
        && !e.getValue().equals(selected.role())));
    changeRole.setId("admin-user-change-role");
    changeRole.addClickListener(e -> changeRole());
    toggleDisabled.setId("admin-user-toggle-disabled");
    toggleDisabled.addClickListener(e -> toggleDisabled());
    HorizontalLayout roleRow = new HorizontalLayout(role, changeRole);
    roleRow.setAlignItems(FlexComponent.Alignment.BASELINE);
    Div form = new Div(selectedTitle, roleRow, toggleDisabled);
    form.addClassName("flowgate-card");
    form.setId("admin-user-form");
    select(null);
    // one data provider for the view's life: a search refreshes it, and the grid keeps its selection then
    // (replacing the provider would clear it); a row is the same user by id, whichever fetch brought it
    grid.setItems(q -> administration.users(search.getValue(), tenantId, PageRequest.of(q.getPage(), q.getPageSize())).stream())
        .setIdentifierProvider(AdminUserView::id);
    add(new H2("Users"), toolbar, message, MainLayout.listAndForm(grid, form));
  }

  /** {@code ?tenantId=} narrows the list to one tenant (the tenant page links here). */
  @Override
  public void beforeEnter(BeforeEnterEvent event) {
    String id = event.getLocation().getQueryParameters().getSingleParameter("tenantId").orElse("");
    try {
      filterTenant(id.isEmpty() ? null : UUID.fromString(id));
    } catch (IllegalArgumentException e) {
      filterTenant(null);
    }
  }

  void filterTenant(@Nullable UUID tenant) {
    tenantId = tenant;
    String slug = tenant == null ? null : administration.get(tenant).slug();
    tenantFilter.setText(slug == null ? "" : "Tenant: " + slug);
    tenantFilter.setVisible(slug != null);
    allTenants.setVisible(slug != null);
    refresh();
  }

  /** The search changed: the grid shows what it finds, and the selected user stays selected if among them. */
  void refresh() {
    grid.getDataProvider().refreshAll();
    if (selected != null && !listed(selected)) {
      grid.deselectAll();
    }
  }

  /** The list's own criteria ({@link TenantAdministration#users}): email contains the search, any case; the tenant. */
  private boolean listed(AdminUserView user) {
    String query = search.getValue().strip().toLowerCase(Locale.ROOT);
    return user.email().toLowerCase(Locale.ROOT).contains(query) && (tenantId == null || tenantId.equals(user.tenantId()));
  }

  private void select(@Nullable AdminUserView user) {
    selected = user;
    selectedTitle.setText(user == null ? "Select a user" : user.email() + " in " + user.tenantSlug());
    role.setEnabled(user != null);
    role.setValue(user == null ? null : user.role());
    changeRole.setEnabled(false);
    toggleDisabled.setEnabled(user != null);
    toggleDisabled.setText(user != null && user.disabled() ? "Enable account" : "Disable account");
    toggleDisabled.getThemeNames().clear();
    if (user != null && !user.disabled()) {
      toggleDisabled.addThemeVariants(ButtonVariant.LUMO_ERROR);
    }
  }

  void changeRole() {
    AdminUserView user = selected;
    if (user != null && role.getValue() != null) {
      apply(user, () -> members.changeRole(admin, user.id(), role.getValue()), "Role of " + user.email() + " is now " + role.getValue() + ".");
    }
  }

  void toggleDisabled() {
    AdminUserView user = selected;
    if (user != null) {
      boolean disable = !user.disabled();
      apply(user, () -> members.setDisabled(admin, user.id(), disable),
          user.email() + (disable ? " is disabled: they cannot sign in and their tokens are refused." : " can sign in again."));
    }
  }

  private void apply(AdminUserView user, Runnable change, String done) {
    try {
      change.run();
      message.setText(done);
    } catch (ConflictException | InvalidInputException e) {
      message.setText("Not changed: " + e.getMessage());
    }
    AdminUserView after = administration.user(user.id());
    grid.getDataProvider().refreshItem(after);
    // the grid sees the same user (same id) and would keep the old copy: select it afresh
    grid.deselectAll();
    grid.select(after);
  }
}
