package dev.flowgate.portal.admin;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.spring.security.AuthenticationContext;
import dev.flowgate.portal.base.problems.ConflictException;
import dev.flowgate.portal.base.problems.InvalidInputException;
import dev.flowgate.portal.base.problems.NotFoundException;
import dev.flowgate.portal.base.security.PlatformUser;
import dev.flowgate.portal.base.ui.MainLayout;
import dev.flowgate.portal.billing.PlanChanges;
import jakarta.annotation.security.RolesAllowed;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.UUID;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * One tenant for the platform admin: its state, plan and limits, suspension and reinstatement with
 * a reason its users are shown, and deletion with a grace period (scheduled, dated, cancellable
 * until the purge).
 */
@Route(value = "admin/tenants/:tenantId", layout = MainLayout.class)
@PageTitle("Tenant · Flowgate admin")
@RolesAllowed("PLATFORM_ADMIN")
public class TenantDetailView extends Main implements BeforeEnterObserver {

  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd").withZone(ZoneOffset.UTC);
  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

  final H2 title = new H2();
  final Paragraph message = new Paragraph();
  final Div facts = new Div();
  final Div content = new Div();
  final Button suspend = new Button("Suspend…", VaadinIcon.BAN.create());
  final Button reinstate = new Button("Reinstate", VaadinIcon.CHECK_CIRCLE_O.create());
  final Button scheduleDeletion = new Button("Schedule deletion…", VaadinIcon.TRASH.create());
  final Button cancelDeletion = new Button("Cancel deletion", VaadinIcon.ARROW_BACKWARD.create());
  final Dialog suspendDialog = new Dialog();
  final TextArea reason = new TextArea("Reason (shown to the tenant's users)");
  final ConfirmDialog deleteDialog = new ConfirmDialog();
  @Nullable TenantPlanCard planCard;
  private final TenantAdministration administration;
  private final TenantDeletion deletion;
  private final TenantPlans plans;
  private final PlanChanges planChanges;
  private final TenantDeletionProperties deletionProperties;
  private final PlatformUser admin;
  private final Clock clock;
  private @Nullable AdminTenantView tenant;

  public TenantDetailView(TenantAdministration administration, TenantDeletion deletion, TenantPlans plans,
      PlanChanges planChanges, TenantDeletionProperties deletionProperties, AuthenticationContext authentication, Clock clock) {
    this.clock = clock;
    this.administration = administration;
    this.deletion = deletion;
    this.plans = plans;
    this.planChanges = planChanges;
    this.deletionProperties = deletionProperties;
    this.admin = authentication.getAuthenticatedUser(PlatformUser.class).orElseThrow();
    addClassNames("flowgate-page");
    title.setId("admin-tenant-title");
    message.setId("admin-tenant-message");
    message.getElement().setAttribute("role", "status");
    facts.setId("admin-tenant-facts");
    facts.getStyle().set("display", "grid").set("grid-template-columns", "max-content 1fr").set("gap", "var(--lumo-space-xs) var(--lumo-space-m)");

    suspend.setId("admin-tenant-suspend");
    suspend.addThemeVariants(ButtonVariant.LUMO_ERROR);
    suspend.addClickListener(e -> openSuspend());
    reinstate.setId("admin-tenant-reinstate");
    reinstate.addClickListener(e -> act(() -> administration.reinstate(admin, id()), "Reinstated: its API calls are served again."));
    scheduleDeletion.setId("admin-tenant-delete");
    scheduleDeletion.addThemeVariants(ButtonVariant.LUMO_ERROR);
    scheduleDeletion.addClickListener(e -> deleteDialog.open());
    cancelDeletion.setId("admin-tenant-cancel-deletion");
    cancelDeletion.addClickListener(e -> act(() -> deletion.restore(admin, id()), "Deletion cancelled: the tenant is active again."));

    reason.setId("admin-tenant-reason");
    reason.setMaxLength(TenantAdministration.MAX_REASON);
    reason.setWidthFull();
    Button confirmSuspend = new Button("Suspend", e -> confirmSuspend());
    confirmSuspend.setId("admin-tenant-suspend-confirm");
    confirmSuspend.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_ERROR);
    Button cancel = new Button("Cancel", e -> suspendDialog.close());
    suspendDialog.add(reason);
    suspendDialog.getFooter().add(cancel, confirmSuspend);
    suspendDialog.setWidth("32rem");

    deleteDialog.setId("admin-tenant-delete-confirm");
    deleteDialog.setCancelable(true);
    deleteDialog.setConfirmText("Schedule deletion");
    deleteDialog.setConfirmButtonTheme("error primary");
    deleteDialog.addConfirmListener(e -> act(() -> deletion.delete(admin, id()),
        "Deletion scheduled: the tenant is suspended now and removed for good after the grace period."));
    add(title, message, content, deleteDialog);
  }

  @Override
  public void beforeEnter(BeforeEnterEvent event) {
    show(event.getRouteParameters().get("tenantId").orElse(""));
  }

  /** Shows the tenant with that id, or says there is none. */
  void show(String id) {
    try {
      tenant = administration.get(UUID.fromString(id));
    } catch (IllegalArgumentException | NotFoundException e) {
      title.setText("No such tenant");
      message.setText("There is no tenant with the id " + id + ".");
      content.removeAll();
      return;
    }
    planCard = new TenantPlanCard(plans, planChanges, admin, tenant.id(), message::setText);
    HorizontalLayout actions = new HorizontalLayout(suspend, reinstate, scheduleDeletion, cancelDeletion);
    actions.setWrap(true);
    Anchor users = new Anchor("admin/users?tenantId=" + tenant.id(), "Users of this tenant");
    users.setId("admin-tenant-users-link");
    Anchor audit = new Anchor("admin/audit?tenant=" + URLEncoder.encode(tenant.slug(), StandardCharsets.UTF_8), "Its audit trail");
    audit.setId("admin-tenant-audit-link");
    HorizontalLayout links = new HorizontalLayout(users, audit);
    Div state = new Div(new H3("State"), facts, actions, links);
    state.addClassName("flowgate-card");
    content.removeAll();
    content.add(state, planCard);
    content.getStyle().set("display", "flex").set("flex-direction", "column").set("gap", "var(--lumo-space-l)");
    render();
  }

  private void render() {
    AdminTenantView t = tenant;
    if (t == null) {
      return;
    }
    boolean deleted = t.deletedAt() != null;
    boolean suspended = t.status().equals("suspended");
    title.setText(t.name() + " (" + t.slug() + ")");
    facts.removeAll();
    fact("Status", deleted ? "deletion scheduled" : t.status());
    fact("Created", TIME.format(t.createdAt()));
    fact("Users", String.valueOf(t.userCount()));
    if (suspended && t.suspendedReason() != null) {
      fact("Reason shown to its users", t.suspendedReason());
    }
    if (deleted && t.purgeAfter() != null) {
      fact("Removed for good on", DAY.format(t.purgeAfter()) + " (cancel the deletion before then to keep it)")
          .setId("admin-tenant-purge-date");
    }
    suspend.setVisible(!suspended);
    reinstate.setVisible(suspended && !deleted);
    scheduleDeletion.setVisible(!deleted);
    cancelDeletion.setVisible(deleted);
    deleteDialog.setHeader("Delete " + t.name() + "?");
    deleteDialog.setText("It is suspended at once (its API calls answer 403, its users see the date) and removed for good after "
        + deletionProperties.grace().toDays() + " days, on " + DAY.format(clock.instant().plus(deletionProperties.grace()))
        + ". Until then you can cancel the deletion here.");
  }

  private Div fact(String label, String value) {
    Div name = new Div(label);
    name.addClassName("flowgate-muted");
    Div text = new Div(value);
    facts.add(name, text);
    return text;
  }

  private UUID id() {
    return tenant == null ? new UUID(0, 0) : tenant.id();
  }

  private void openSuspend() {
    reason.clear();
    reason.setInvalid(false);
    suspendDialog.setHeaderTitle("Suspend " + (tenant == null ? "" : tenant.name()));
    suspendDialog.open();
  }

  void confirmSuspend() {
    try {
      tenant = administration.suspend(admin, id(), reason.getValue());
      suspendDialog.close();
      message.setText("Suspended: its API calls now answer 403 and its users see the reason.");
      render();
    } catch (InvalidInputException e) {
      reason.setInvalid(true);
      reason.setErrorMessage("Give a reason (1-" + TenantAdministration.MAX_REASON + " characters)");
    }
  }

  private void act(Supplier<AdminTenantView> change, String done) {
    try {
      tenant = change.get();
      message.setText(done);
    } catch (ConflictException e) {
      tenant = administration.get(id());
      message.setText("Not changed: " + e.getMessage());
    }
    render();
  }
}
