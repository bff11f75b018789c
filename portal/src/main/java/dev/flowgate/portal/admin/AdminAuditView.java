package dev.flowgate.portal.admin;

import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datetimepicker.DateTimePicker;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Pre;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.provider.Query;
import com.vaadin.flow.data.renderer.ComponentRenderer;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import dev.flowgate.contracts.EventCodec;
import dev.flowgate.portal.audit.AuditDiff;
import dev.flowgate.portal.base.problems.InvalidInputException;
import dev.flowgate.portal.base.ui.MainLayout;
import jakarta.annotation.security.RolesAllowed;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import tools.jackson.databind.JsonNode;

/**
 * The platform-wide audit trail: every tenant's records, newest first, paged as the grid scrolls;
 * filtered by actor (email or id), tenant, actor kind, action, resource and time. A row opens to its
 * before/after snapshots.
 */
@Route(value = "admin/audit", layout = MainLayout.class)
@PageTitle("Audit trail · Flowgate admin")
@RolesAllowed("PLATFORM_ADMIN")
public class AdminAuditView extends Main implements BeforeEnterObserver {

  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'").withZone(ZoneOffset.UTC);
  static final String ANY = "any";

  final TextField actor = new TextField("Actor");
  final TextField tenant = new TextField("Tenant");
  final Select<String> actorType = new Select<>();
  final TextField action = new TextField("Action");
  final ComboBox<String> resourceType = new ComboBox<>("Resource type");
  final TextField resourceId = new TextField("Resource id");
  final DateTimePicker from = new DateTimePicker("From (UTC)");
  final DateTimePicker to = new DateTimePicker("To (UTC)");
  final Paragraph total = new Paragraph();
  final Grid<PlatformAuditLog.Entry> grid = new Grid<>(PlatformAuditLog.Entry.class, false);
  private final PlatformAuditLog audit;

  public AdminAuditView(PlatformAuditLog audit) {
    this.audit = audit;
    addClassNames("flowgate-page");
    actor.setId("admin-audit-actor");
    actor.setPlaceholder("email or id");
    tenant.setId("admin-audit-tenant");
    tenant.setPlaceholder("slug");
    action.setId("admin-audit-action");
    action.setPlaceholder("e.g. tenant.suspended");
    resourceId.setId("admin-audit-resource-id");
    Stream.of(actor, tenant, action, resourceId).forEach(f -> {
      f.setMaxLength(PlatformAuditLog.MAX_TEXT);
      f.setClearButtonVisible(true);
      f.setValueChangeMode(ValueChangeMode.LAZY);
      f.addValueChangeListener(e -> refresh());
    });
    actorType.setId("admin-audit-actor-type");
    actorType.setLabel("Actor kind");
    actorType.setItems(ANY, "user", "token", "platform", "system");
    actorType.setValue(ANY);
    actorType.addValueChangeListener(e -> refresh());
    resourceType.setId("admin-audit-resource-type");
    resourceType.setItems("tenant", "member", "plan", "credit", "service", "route", "api_key", "token", "workflow");
    resourceType.setAllowCustomValue(true);
    resourceType.addCustomValueSetListener(e -> resourceType.setValue(e.getDetail()));
    resourceType.setClearButtonVisible(true);
    resourceType.addValueChangeListener(e -> refresh());
    from.setId("admin-audit-from");
    to.setId("admin-audit-to");
    from.addValueChangeListener(e -> refresh());
    to.addValueChangeListener(e -> refresh());
    HorizontalLayout filters = new HorizontalLayout(actor, tenant, actorType, action, resourceType, resourceId, from, to);
    filters.setWrap(true);
    filters.setAlignItems(FlexComponent.Alignment.BASELINE);

    total.setId("admin-audit-total");
    total.getElement().setAttribute("role", "status");
    grid.setId("admin-audit-grid");
    grid.setAriaLabel("Audit trail of every tenant");
    grid.addColumn(e -> TIME.format(e.occurredAt())).setHeader("When").setAutoWidth(true).setFlexGrow(0);
    grid.addColumn(PlatformAuditLog.Entry::tenantSlug).setHeader("Tenant").setFlexGrow(1);
    grid.addColumn(e -> e.actorType() + " " + (e.actorEmail() != null ? e.actorEmail() : e.actorId() == null ? "" : e.actorId()))
        .setHeader("Actor").setFlexGrow(2);
    grid.addColumn(PlatformAuditLog.Entry::action).setHeader("Action").setFlexGrow(1);
    grid.addColumn(e -> e.resourceType() + (e.resourceId() == null ? "" : " " + e.resourceId())).setHeader("Resource").setFlexGrow(2);
    grid.addColumn(e -> String.join("; ", AuditDiff.changes(e.before(), e.after()))).setHeader("Changes").setFlexGrow(3);
    grid.setItemDetailsRenderer(new ComponentRenderer<>(AdminAuditView::details));
    // details follow the selection, which the keyboard (arrows, Space) moves as well as the mouse
    grid.setDetailsVisibleOnClick(false);
    grid.asSingleSelect().addValueChangeListener(e -> {
      if (e.getOldValue() != null) {
        grid.setDetailsVisible(e.getOldValue(), false);
      }
      if (e.getValue() != null) {
        grid.setDetailsVisible(e.getValue(), true);
      }
    });
    grid.setEmptyStateText("No audit records match these filters.");
    // one data provider for the view's life: a filter refreshes it, and the grid keeps its selection then
    // (replacing the provider would clear it); rows are the same entry by id whichever fetch brought them
    grid.setItems(this::fetch).setIdentifierProvider(PlatformAuditLog.Entry::id);
    add(new H2("Audit trail"), filters, total, grid);
  }

  /** {@code ?tenant=slug} (the tenant page links here) fills the tenant filter. */
  @Override
  public void beforeEnter(BeforeEnterEvent event) {
    event.getLocation().getQueryParameters().getSingleParameter("tenant").ifPresent(tenant::setValue);
  }

  /** The filters changed: the grid shows what they find, and the open entry stays open if it is among it. */
  void refresh() {
    Stream.of(actor, tenant, action, resourceId).forEach(f -> f.setInvalid(false));
    grid.getDataProvider().refreshAll();
    grid.asSingleSelect().getOptionalValue().filter(this::filteredOut).ifPresent(gone -> grid.deselectAll());
  }

  private Stream<PlatformAuditLog.Entry> fetch(Query<PlatformAuditLog.Entry, Void> query) {
    try {
      Page<PlatformAuditLog.Entry> page = audit.find(filter(), PageRequest.of(query.getPage(), query.getPageSize()));
      total.setText(page.getTotalElements() + (page.getTotalElements() == 1 ? " record" : " records"));
      return page.stream();
    } catch (InvalidInputException e) {
      total.setText("Check the filters: " + e.getMessage());
      return Stream.empty();
    }
  }

  private boolean filteredOut(PlatformAuditLog.Entry entry) {
    try {
      return !audit.includes(filter(), entry.id());
    } catch (InvalidInputException e) {
      return true;
    }
  }

  PlatformAuditLog.Filter filter() {
    return new PlatformAuditLog.Filter(null, tenant.getValue(), actor.getValue(),
        ANY.equals(actorType.getValue()) ? null : actorType.getValue(), action.getValue(), resourceType.getValue(),
        resourceId.getValue(), instant(from.getValue()), instant(to.getValue()));
  }

  private static Div details(PlatformAuditLog.Entry entry) {
    Div diff = new Div(side("Before", entry.before()), side("After", entry.after()));
    diff.getStyle().set("display", "flex").set("gap", "var(--lumo-space-m)").set("flex-wrap", "wrap");
    List<String> changes = AuditDiff.changes(entry.before(), entry.after());
    Span summary = new Span(changes.isEmpty() ? "No field changed" : String.join(" · ", changes));
    summary.addClassName("flowgate-muted");
    Div details = new Div(summary, diff);
    details.addClassName("admin-audit-details");
    return details;
  }

  private static Div side(String title, @Nullable JsonNode value) {
    Pre json = new Pre(value == null ? "—" : EventCodec.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(value));
    json.getStyle().set("white-space", "pre-wrap").set("max-height", "20rem").set("overflow", "auto");
    Div side = new Div(new H3(title), json);
    side.getStyle().set("flex", "1 1 20rem").set("min-width", "0");
    return side;
  }

  private static @Nullable Instant instant(@Nullable LocalDateTime value) {
    return value == null ? null : value.toInstant(ZoneOffset.UTC);
  }
}
