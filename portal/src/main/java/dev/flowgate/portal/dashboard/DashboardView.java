package dev.flowgate.portal.dashboard;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.spring.security.AuthenticationContext;
import dev.flowgate.portal.apikeys.ApiKeyManagement;
import dev.flowgate.portal.apikeys.CreateKeyForm;
import dev.flowgate.portal.apikeys.KeyView;
import dev.flowgate.portal.base.config.PortalProperties;
import dev.flowgate.portal.base.problems.InvalidInputException;
import dev.flowgate.portal.base.problems.UnavailableException;
import dev.flowgate.portal.base.security.Actor;
import dev.flowgate.portal.base.security.PortalUser;
import dev.flowgate.portal.base.security.Roles;
import dev.flowgate.portal.base.ui.MainLayout;
import dev.flowgate.portal.routing.RouteManagement;
import dev.flowgate.portal.routing.RouteView;
import dev.flowgate.portal.usage.UsageClient;
import jakarta.annotation.security.PermitAll;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import tools.jackson.databind.JsonNode;

/** Today's usage, the sample API shortcut and the tenant's keys. */
@Route(value = "", layout = MainLayout.class)
@PageTitle("Dashboard · Flowgate")
@PermitAll
public class DashboardView extends Main {

  private static final DateTimeFormatter CREATED = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

  private final UsageClient usage;
  private final Clock clock;
  private final Actor actor;
  /** Viewers and billing read; only developers, admins and owners create keys and sample APIs. */
  private final boolean canDevelop;
  private final Span calls = metricValue("usage-calls");
  private final Span errors = metricValue("usage-errors");
  private final Paragraph usageStatus = new Paragraph();
  private final Grid<KeyView> keyGrid = new Grid<>(KeyView.class, false);

  public DashboardView(UsageClient usage, ApiKeyManagement keys, RouteManagement routes, SampleApiService sample,
      PortalProperties properties, AuthenticationContext authentication, Clock clock) {
    this.usage = usage;
    this.clock = clock;
    PortalUser user = authentication.getAuthenticatedUser(PortalUser.class).orElseThrow();
    this.actor = user.actor();
    this.canDevelop = Roles.canDevelop(user.role());
    addClassNames("flowgate-page");
    getStyle().set("display", "flex").set("flex-direction", "column");

    add(usageCard());
    if (canDevelop) {
      add(sampleCard(sample, properties.gatewayUrl()));
    }
    if (!user.role().equals("billing")) {
      add(keysCard(keys, routes, properties.gatewayUrl()));
    }
    refreshUsage();
  }

  private Div usageCard() {
    usageStatus.setId("usage-status");
    usageStatus.addClassName("flowgate-muted");
    Button refresh = new Button("Refresh", VaadinIcon.REFRESH.create(), e -> refreshUsage());
    refresh.setId("refresh-usage");
    refresh.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
    HorizontalLayout metrics = new HorizontalLayout(metric(calls, "Calls today"), metric(errors, "Errors today"));
    metrics.setSpacing(true);
    return card(header("Today's usage", refresh), metrics, usageStatus);
  }

  private Div sampleCard(SampleApiService sample, String gatewayUrl) {
    Paragraph result = new Paragraph("Publishes the demo upstream at " + gatewayUrl + "/sample, so a new key works at once.");
    result.setId("sample-api-status");
    result.addClassName("flowgate-muted");
    Button create = new Button("Create sample API", VaadinIcon.PLUS.create(), e -> {
      try {
        boolean created = sample.ensure(actor);
        result.setText((created ? "Sample API created: " : "Sample API already exists: ") + "GET " + gatewayUrl + SampleApiService.TRY_PATH);
      } catch (InvalidInputException refused) {
        result.setText("The sample upstream cannot be used: " + refused.getMessage()
            + " (the platform's FLOWGATE_UPSTREAM_ALLOW must cover it)");
      }
    });
    create.setId("create-sample-api");
    return card(new H2("Sample API"), result, create);
  }

  /** The keys screen's dialog; routes are read on opening, so a sample API created a moment ago is offered. */
  CreateKeyForm createKeyForm(ApiKeyManagement keys, RouteManagement routes, String gatewayUrl) {
    List<RouteView> tenantRoutes = routes.list(actor, PageRequest.of(0, 500, Sort.by("name"))).getContent();
    return new CreateKeyForm(keys, actor, tenantRoutes, gatewayUrl + SampleApiService.TRY_PATH,
        issued -> keyGrid.getDataProvider().refreshAll());
  }

  private Div keysCard(ApiKeyManagement keys, RouteManagement routes, String gatewayUrl) {
    keyGrid.setId("keys-grid");
    keyGrid.addColumn(KeyView::name).setHeader("Name").setFlexGrow(2);
    keyGrid.addColumn(k -> "fg_live_" + k.prefix() + "…").setHeader("Prefix").setFlexGrow(2);
    keyGrid.addColumn(k -> CREATED.format(k.createdAt())).setHeader("Created").setFlexGrow(2);
    keyGrid.addColumn(KeyView::status).setHeader("Status").setFlexGrow(1);
    keyGrid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES);
    keyGrid.setAllRowsVisible(true);
    keyGrid.setItems(query -> keys.list(actor,
        PageRequest.of(query.getPage(), query.getPageSize(), Sort.by(Sort.Direction.DESC, "createdAt"))).stream());
    keyGrid.setEmptyStateText("No keys yet: create one to call your APIs.");

    Button create = new Button("Create key", VaadinIcon.KEY.create(),
        e -> createKeyForm(keys, routes, gatewayUrl).open());
    create.setId("create-key");
    create.setVisible(canDevelop);
    create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
    // plain router-handled links: a RouterLink needs a running VaadinService to resolve its route
    Anchor manage = new Anchor("keys", "Manage keys: scopes, limits, rotation, usage");
    manage.setId("dashboard-manage-keys");
    Anchor catalog = new Anchor("catalog", "API catalog and try-it console");
    catalog.setId("dashboard-catalog");
    HorizontalLayout links = new HorizontalLayout(manage, catalog);
    links.getStyle().set("flex-wrap", "wrap");
    return card(header("API keys", create), keyGrid, links);
  }

  private void refreshUsage() {
    try {
      JsonNode totals = usage.usage(actor.tenantId(), clock.instant().truncatedTo(ChronoUnit.DAYS), clock.instant(), "day", "none")
          .path("totals");
      calls.setText(String.valueOf(totals.path("calls").asLong(0)));
      errors.setText(String.valueOf(totals.path("errors").asLong(0)));
      usageStatus.setText("Since 00:00 UTC");
    } catch (UnavailableException e) {
      calls.setText("–");
      errors.setText("–");
      usageStatus.setText("Usage is unavailable right now: billing did not answer. Try Refresh in a moment.");
    }
  }

  private static HorizontalLayout header(String title, Button action) {
    H2 heading = new H2(title);
    HorizontalLayout header = new HorizontalLayout(heading, action);
    header.setWidthFull();
    header.setAlignItems(FlexComponent.Alignment.CENTER);
    header.expand(heading);
    return header;
  }

  private static Div card(Component... content) {
    Div card = new Div(content);
    card.addClassName("flowgate-card");
    return card;
  }

  private static Span metricValue(String id) {
    Span value = new Span("–");
    value.setId(id);
    value.addClassName("flowgate-metric-value");
    return value;
  }

  private static Div metric(Span value, String label) {
    Span caption = new Span(label);
    caption.addClassName("flowgate-metric-label");
    Div metric = new Div(value, caption);
    metric.addClassName("flowgate-metric");
    return metric;
  }
}
