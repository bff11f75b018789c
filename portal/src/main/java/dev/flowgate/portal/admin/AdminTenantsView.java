package dev.flowgate.portal.admin;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.spring.security.AuthenticationContext;
import dev.flowgate.portal.base.problems.InvalidInputException;
import dev.flowgate.portal.base.security.PlatformUser;
import dev.flowgate.portal.base.ui.MainLayout;
import jakarta.annotation.security.RolesAllowed;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.PageRequest;

/**
 * The platform's tenants: search by name or slug, filter by status; a platform admin suspends
 * (with a reason its users are shown) and reinstates, or opens a tenant (plan, limits, deletion);
 * billing-team only reads.
 */
@Route(value = "admin/tenants", layout = MainLayout.class)
@PageTitle("Tenants · Flowgate admin")
@RolesAllowed({"PLATFORM_ADMIN", "BILLING_TEAM"})
public class AdminTenantsView extends Main {

  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);
  static final String ALL = "all";

  final TextField search = new TextField();
  final Select<String> status = new Select<>();
  final Grid<AdminTenantView> grid = new Grid<>(AdminTenantView.class, false);
  final Button suspend = new Button("Suspend…", VaadinIcon.BAN.create());
  final Button reinstate = new Button("Reinstate…", VaadinIcon.CHECK_CIRCLE_O.create());
  final Button details = new Button("Open…", VaadinIcon.ARROW_FORWARD.create());
  final Paragraph message = new Paragraph();
  final Dialog dialog = new Dialog();
  final TextArea reason = new TextArea("Reason (shown to the tenant's users)");
  final Button confirm = new Button();
  final Button tokenCreate = new Button("Create API token", VaadinIcon.PASSWORD.create());
  final TextField token = new TextField("New admin API token (shown once)");
  private final TenantAdministration administration;
  private final PlatformUser admin;
  private @Nullable AdminTenantView selected;
  private Runnable confirmAction = () -> { };

  public AdminTenantsView(TenantAdministration administration, PlatformAccounts accounts, AuthenticationContext authentication) {
    this.administration = administration;
    this.admin = authentication.getAuthenticatedUser(PlatformUser.class).orElseThrow();
    addClassNames("flowgate-page");

    search.setId("admin-tenant-search");
    search.setPlaceholder("Name or slug");
    search.setLabel("Search");
    search.setAriaLabel("Search tenants by name or slug");
    search.setPrefixComponent(VaadinIcon.SEARCH.create());
    search.setClearButtonVisible(true);
    search.setMaxLength(100);
    search.setValueChangeMode(ValueChangeMode.LAZY);
    search.addValueChangeListener(e -> refresh());
    status.setId("admin-tenant-status");
    status.setLabel("Status");
    status.setItems(ALL, "active", "suspended");
    status.setValue(ALL);
    status.addValueChangeListener(e -> refresh());

    suspend.setId("admin-suspend");
    suspend.addThemeVariants(ButtonVariant.LUMO_ERROR);
    suspend.addClickListener(e -> open(true));
    reinstate.setId("admin-reinstate");
    reinstate.addClickListener(e -> open(false));
    details.setId("admin-open-tenant");
    details.setTooltipText("Plan, limits and deletion");
    details.addClickListener(e -> openDetails(selected));
    boolean canChange = admin.isPlatformAdmin();
    suspend.setVisible(canChange);
    reinstate.setVisible(canChange);
    details.setVisible(canChange);
    updateButtons();
    HorizontalLayout toolbar = new HorizontalLayout(search, status, details, suspend, reinstate);
    toolbar.setAlignItems(FlexComponent.Alignment.BASELINE);
    toolbar.setWrap(true);

    message.setId("admin-status");
    message.getElement().setAttribute("aria-live", "polite");

    grid.setId("admin-tenants-grid");
    grid.setAriaLabel("Tenants");
    grid.addColumn(AdminTenantView::name).setHeader("Name").setFlexGrow(2);
    grid.addColumn(AdminTenantView::slug).setHeader("Slug").setFlexGrow(2);
    grid.addColumn(AdminTenantView::status).setHeader("Status").setFlexGrow(1);
    grid.addColumn(AdminTenantView::userCount).setHeader("Users").setFlexGrow(0).setAutoWidth(true);
    grid.addColumn(t -> TIME.format(t.createdAt())).setHeader("Created").setFlexGrow(1);
    grid.addColumn(t -> t.suspendedReason() == null ? "" : t.suspendedReason()).setHeader("Suspension reason").setFlexGrow(2);
    grid.setItems(q -> administration.search(search.getValue(), statusFilter(),
        PageRequest.of(q.getPage(), q.getPageSize())).stream());
    if (canChange) {
      grid.addItemDoubleClickListener(e -> openDetails(e.getItem()));
    }
    grid.asSingleSelect().addValueChangeListener(e -> {
      selected = e.getValue();
      updateButtons();
    });

    reason.setId("admin-reason");
    reason.setMaxLength(TenantAdministration.MAX_REASON);
    reason.setWidthFull();
    confirm.setId("admin-reason-confirm");
    confirm.addClickListener(e -> confirmAction.run());
    Button cancel = new Button("Cancel", e -> dialog.close());
    cancel.setId("admin-reason-cancel");
    dialog.add(reason);
    dialog.getFooter().add(cancel, confirm);
    dialog.setWidth("32rem");

    tokenCreate.setId("admin-token-create");
    tokenCreate.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
    tokenCreate.addClickListener(e -> {
      token.setValue(accounts.issueToken(admin.userId(), "portal"));
      token.setVisible(true);
      message.setText("Copy the token now: it is shown only this once. It calls /api/v1/admin as you.");
    });
    token.setId("admin-token");
    token.setReadOnly(true);
    token.setVisible(false);
    token.setWidthFull();
    token.addClassName("flowgate-secret");

    add(new H2("Tenants"), toolbar, message, grid, tokenCreate, token);
  }

  private @Nullable String statusFilter() {
    return ALL.equals(status.getValue()) ? null : status.getValue();
  }

  void refresh() {
    grid.getDataProvider().refreshAll();
  }

  private void openDetails(@Nullable AdminTenantView tenant) {
    if (tenant != null) {
      getUI().ifPresent(ui -> ui.navigate(TenantDetailView.class, new RouteParameters("tenantId", tenant.id().toString())));
    }
  }

  private void updateButtons() {
    details.setEnabled(selected != null);
    suspend.setEnabled(selected != null && !selected.status().equals("suspended"));
    reinstate.setEnabled(selected != null && selected.status().equals("suspended"));
  }

  /** The confirmation dialog; a suspension needs a reason. */
  void open(boolean suspending) {
    AdminTenantView tenant = selected;
    if (tenant == null) {
      return;
    }
    dialog.setHeaderTitle((suspending ? "Suspend " : "Reinstate ") + tenant.name());
    reason.clear();
    reason.setInvalid(false);
    reason.setVisible(suspending);
    confirm.setText(suspending ? "Suspend" : "Reinstate");
    confirm.getThemeNames().clear();
    confirm.addThemeVariants(ButtonVariant.LUMO_PRIMARY, suspending ? ButtonVariant.LUMO_ERROR : ButtonVariant.LUMO_SUCCESS);
    confirmAction = suspending ? this::confirmSuspend : this::confirmReinstate;
    dialog.open();
  }

  void confirmSuspend() {
    AdminTenantView tenant = selected;
    if (tenant == null) {
      return;
    }
    try {
      AdminTenantView after = administration.suspend(admin, tenant.id(), reason.getValue());
      dialog.close();
      done(after, "Suspended " + after.name() + ": its API calls now answer 403 and its users see the reason.");
    } catch (InvalidInputException e) {
      reason.setInvalid(true);
      reason.setErrorMessage("Give a reason (1-" + TenantAdministration.MAX_REASON + " characters)");
    }
  }

  void confirmReinstate() {
    AdminTenantView tenant = selected;
    if (tenant == null) {
      return;
    }
    AdminTenantView after = administration.reinstate(admin, tenant.id());
    dialog.close();
    done(after, "Reinstated " + after.name() + ".");
  }

  private void done(AdminTenantView after, String text) {
    message.setText(text);
    grid.asSingleSelect().clear();
    selected = null;
    updateButtons();
    refresh();
  }
}
