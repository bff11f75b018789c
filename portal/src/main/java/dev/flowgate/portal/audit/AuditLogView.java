package dev.flowgate.portal.audit;

import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datetimepicker.DateTimePicker;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Pre;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.renderer.ComponentRenderer;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.spring.security.AuthenticationContext;
import dev.flowgate.contracts.EventCodec;
import dev.flowgate.portal.base.problems.InvalidInputException;
import dev.flowgate.portal.base.security.Actor;
import dev.flowgate.portal.base.security.PortalUser;
import dev.flowgate.portal.base.ui.MainLayout;
import jakarta.annotation.security.RolesAllowed;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.PageRequest;
import tools.jackson.databind.JsonNode;

/** Who changed what: the tenant's audit trail with filters and a before/after diff per record. */
@Route(value = "audit-logs", layout = MainLayout.class)
@PageTitle("Audit log · Flowgate")
@RolesAllowed({"OWNER", "ADMIN", "DEVELOPER", "VIEWER"})
public class AuditLogView extends Main {

  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'").withZone(ZoneOffset.UTC);

  final TextField actor = new TextField("Actor");
  final ComboBox<String> resourceType = new ComboBox<>("Resource type");
  final TextField resourceId = new TextField("Resource id");
  final DateTimePicker from = new DateTimePicker("From (UTC)");
  final DateTimePicker to = new DateTimePicker("To (UTC)");
  final Grid<AuditLogEntry> grid = new Grid<>(AuditLogEntry.class, false);
  private final AuditLogQuery audit;
  private final Actor caller;

  public AuditLogView(AuditLogQuery audit, AuthenticationContext authentication) {
    this.audit = audit;
    this.caller = authentication.getAuthenticatedUser(PortalUser.class).orElseThrow().actor();
    addClassNames("flowgate-page");

    actor.setId("audit-filter-actor");
    actor.setPlaceholder("email or user id");
    actor.setValueChangeMode(ValueChangeMode.LAZY);
    resourceType.setId("audit-filter-resource-type");
    resourceType.setItems("service", "route", "api_key", "token", "workflow", "member", "tenant");
    resourceType.setClearButtonVisible(true);
    resourceId.setId("audit-filter-resource-id");
    resourceId.setValueChangeMode(ValueChangeMode.LAZY);
    from.setId("audit-filter-from");
    to.setId("audit-filter-to");
    Stream.of(actor, resourceId).forEach(f -> f.addValueChangeListener(e -> refresh()));
    resourceType.addValueChangeListener(e -> refresh());
    from.addValueChangeListener(e -> refresh());
    to.addValueChangeListener(e -> refresh());
    HorizontalLayout filters = new HorizontalLayout(actor, resourceType, resourceId, from, to);
    filters.setWrap(true);
    filters.setAlignItems(FlexComponent.Alignment.BASELINE);

    grid.setId("audit-grid");
    grid.setAriaLabel("Audit log");
    grid.addColumn(e -> TIME.format(e.occurredAt())).setHeader("When").setAutoWidth(true).setFlexGrow(0);
    grid.addColumn(AuditLogEntry::action).setHeader("Action").setFlexGrow(1);
    grid.addColumn(e -> e.resourceType() + (e.resourceId() == null ? "" : " " + e.resourceId())).setHeader("Resource").setFlexGrow(2);
    grid.addColumn(e -> e.actorType() + (e.actorId() == null ? "" : " " + e.actorId())).setHeader("Actor").setFlexGrow(1);
    grid.addColumn(e -> String.join("; ", AuditDiff.changes(e.before(), e.after()))).setHeader("Changes").setFlexGrow(3);
    grid.setItemDetailsRenderer(new ComponentRenderer<>(AuditLogView::details));
    grid.setEmptyStateText("No audit records match these filters.");
    refresh();
    add(new H2("Audit log"), filters, grid);
  }

  void refresh() {
    actor.setInvalid(false);
    grid.setItems(q -> {
      try {
        return audit.find(caller, actor.getValue(), resourceType.getValue(), resourceId.getValue(),
            instant(from.getValue()), instant(to.getValue()), PageRequest.of(q.getPage(), q.getPageSize())).stream();
      } catch (InvalidInputException e) {
        actor.setInvalid(true);
        actor.setErrorMessage("Enter an email or a user id");
        return Stream.empty();
      }
    });
  }

  private static Div details(AuditLogEntry entry) {
    Div diff = new Div(side("Before", entry.before()), side("After", entry.after()));
    diff.getStyle().set("display", "flex").set("gap", "var(--lumo-space-m)").set("flex-wrap", "wrap");
    List<String> changes = AuditDiff.changes(entry.before(), entry.after());
    Span summary = new Span(changes.isEmpty() ? "No field changed" : String.join(" · ", changes));
    summary.addClassName("flowgate-muted");
    Span request = new Span(entry.requestId() == null ? "" : "Request " + entry.requestId());
    request.addClassName("flowgate-muted");
    return new Div(summary, diff, request);
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
