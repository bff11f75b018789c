package dev.flowgate.portal.usage;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.spring.security.AuthenticationContext;
import dev.flowgate.portal.base.problems.UnavailableException;
import dev.flowgate.portal.base.security.Actor;
import dev.flowgate.portal.base.security.PortalUser;
import dev.flowgate.portal.base.ui.MainLayout;
import jakarta.annotation.security.RolesAllowed;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * Metered usage over a range of UTC days: totals, charts of traffic and latency, and the series
 * by hour or day, for the whole tenant or per key or route (shown by name).
 */
@Route(value = "usage", layout = MainLayout.class)
@PageTitle("Usage · Flowgate")
@RolesAllowed({"OWNER", "ADMIN", "DEVELOPER", "VIEWER", "BILLING"})
public class UsageView extends Main {

  static final long MAX_DAYS = 366;

  final DatePicker from = new DatePicker("From (UTC)");
  final DatePicker to = new DatePicker("To (UTC, inclusive)");
  final Select<String> granularity = new Select<>();
  final Select<String> groupBy = new Select<>();
  final UsageSummary summary = new UsageSummary();
  final UsageCharts charts = new UsageCharts();
  final Grid<JsonNode> series = new Grid<>();
  final Paragraph status = new Paragraph();
  private final Grid.Column<JsonNode> groupColumn;
  private final UsageClient usage;
  private final UsageNames names;
  private final Actor actor;
  private Map<String, String> groupNames = Map.of();

  public UsageView(UsageClient usage, UsageNames names, AuthenticationContext authentication, Clock clock) {
    this.usage = usage;
    this.names = names;
    this.actor = authentication.getAuthenticatedUser(PortalUser.class).orElseThrow().actor();
    addClassNames("flowgate-page");
    getStyle().set("display", "flex").set("flex-direction", "column");

    LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
    from.setId("usage-from");
    from.setValue(today);
    to.setId("usage-to");
    to.setValue(today);
    granularity.setId("usage-granularity");
    granularity.setLabel("Granularity");
    granularity.setItems("hour", "day");
    granularity.setItemLabelGenerator(g -> g.equals("hour") ? "Hourly" : "Daily");
    granularity.setValue("hour");
    groupBy.setId("usage-group-by");
    groupBy.setLabel("Group by");
    groupBy.setItems("none", "key", "route");
    groupBy.setItemLabelGenerator(g -> switch (g) {
      case "key" -> "API key";
      case "route" -> "Route";
      default -> "Nothing (whole tenant)";
    });
    groupBy.setValue("none");
    List.of(from, to).forEach(f -> f.addValueChangeListener(e -> refresh()));
    List.of(granularity, groupBy).forEach(f -> f.addValueChangeListener(e -> refresh()));
    Button refresh = new Button("Refresh", VaadinIcon.REFRESH.create(), e -> refresh());
    refresh.setId("usage-refresh");
    refresh.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
    HorizontalLayout filters = new HorizontalLayout(from, to, granularity, groupBy, refresh);
    filters.setAlignItems(FlexComponent.Alignment.BASELINE);
    filters.setWrap(true);

    status.setId("usage-status");
    status.addClassName("flowgate-muted");
    status.getElement().setAttribute("role", "status");

    series.setId("usage-series");
    series.setAriaLabel("Usage series");
    series.addColumn(p -> bucket(p.path("bucketStart").asString(""))).setHeader("Bucket (UTC)").setFlexGrow(2);
    groupColumn = series.addColumn(p -> groupLabel(p.path("group").asString(""))).setHeader("Group").setFlexGrow(3);
    number("Calls", "calls");
    number("Errors", "errors");
    number("5xx", "serverErrors");
    series.addColumn(p -> UsageSummary.bytes(p.path("requestBytes").asLong(0))).setHeader("In").setTextAlign(ColumnTextAlign.END);
    series.addColumn(p -> UsageSummary.bytes(p.path("responseBytes").asLong(0))).setHeader("Out").setTextAlign(ColumnTextAlign.END);
    series.addColumn(p -> p.path("latencyP50Ms").asLong(0) + " ms").setHeader("p50").setTextAlign(ColumnTextAlign.END);
    series.addColumn(p -> p.path("latencyP95Ms").asLong(0) + " ms").setHeader("p95").setTextAlign(ColumnTextAlign.END);
    series.addColumn(p -> p.path("latencyP99Ms").asLong(0) + " ms").setHeader("p99").setTextAlign(ColumnTextAlign.END);
    series.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_COMPACT);
    series.setEmptyStateText("No calls in this range.");
    series.setAllRowsVisible(true);

    Div seriesCard = new Div(new H2("Series"), series);
    seriesCard.addClassName("flowgate-card");
    add(new H2("Usage"), filters, status, summary, charts, seriesCard);
    refresh();
  }

  private void number(String header, String field) {
    series.addColumn(p -> String.valueOf(p.path(field).asLong(0))).setHeader(header).setTextAlign(ColumnTextAlign.END);
  }

  /** Asks billing for the chosen range; a bad range is shown on the fields and nothing is asked. */
  void refresh() {
    LocalDate start = from.getValue();
    LocalDate end = to.getValue();
    to.setInvalid(false);
    from.setInvalid(false);
    if (start == null || end == null) {
      (start == null ? from : to).setErrorMessage("Choose a date");
      (start == null ? from : to).setInvalid(true);
      return;
    }
    if (end.isBefore(start)) {
      to.setErrorMessage("Must be on or after From");
      to.setInvalid(true);
      return;
    }
    if (ChronoUnit.DAYS.between(start, end) + 1 > MAX_DAYS) {
      to.setErrorMessage("At most " + MAX_DAYS + " days");
      to.setInvalid(true);
      return;
    }
    Instant fromInstant = start.atStartOfDay(ZoneOffset.UTC).toInstant();
    Instant toInstant = end.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
    String grouping = groupBy.getValue();
    try {
      JsonNode report = usage.usage(actor.tenantId(), fromInstant, toInstant, granularity.getValue(), grouping);
      groupNames = names.of(actor, grouping);
      List<JsonNode> points = new ArrayList<>();
      report.path("series").forEach(points::add);
      series.setItems(points);
      groupColumn.setVisible(!grouping.equals("none"));
      groupColumn.setHeader(grouping.equals("key") ? "API key" : "Route");
      summary.show(report.path("totals"), points);
      charts.show(points, this::bucket, this::groupLabel, grouping);
      status.setText(start.equals(end) ? "Showing " + start + " (UTC)." : "Showing " + start + " to " + end + " (UTC).");
    } catch (UnavailableException e) {
      series.setItems(List.of());
      summary.clear();
      charts.clear();
      status.setText("Usage is unavailable right now: billing did not answer. Try Refresh in a moment.");
    }
  }

  /** A key's or route's name with the start of its id; ids that no longer exist say so. */
  String groupLabel(String id) {
    if (id.isEmpty()) {
      return "—";
    }
    String shortId = id.length() > 8 ? id.substring(0, 8) : id;
    String name = groupNames.get(id);
    return name == null ? "deleted (" + shortId + ")" : name + " (" + shortId + ")";
  }

  private String bucket(String start) {
    return granularity.getValue().equals("day") && start.length() >= 10 ? start.substring(0, 10)
        : start.replace('T', ' ').replaceAll(":00(\\.0+)?Z$", "").replaceAll("Z$", "");
  }
}
