package dev.flowgate.portal.catalog;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.AnchorTarget;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.spring.security.AuthenticationContext;
import dev.flowgate.portal.base.security.Actor;
import dev.flowgate.portal.base.security.PortalUser;
import dev.flowgate.portal.base.security.Roles;
import dev.flowgate.portal.base.ui.MainLayout;
import jakarta.annotation.security.RolesAllowed;
import java.util.List;

/**
 * The tenant's APIs as consumers see them: routes grouped by service with methods, gateway URLs
 * and policies, the operations of a service's own OpenAPI document where it attached one, a link
 * to the catalog's OpenAPI document, and (for developers and up) the try-it console.
 */
@Route(value = "catalog", layout = MainLayout.class)
@PageTitle("API catalog · Flowgate")
@RolesAllowed({"OWNER", "ADMIN", "DEVELOPER", "VIEWER"})
public class CatalogView extends Main {

  final List<CatalogService> services;
  final TryItConsole console;
  private final String catalogGatewayUrl;

  public CatalogView(ApiCatalog catalog, GatewayConsole gateway, AuthenticationContext authentication) {
    PortalUser user = authentication.getAuthenticatedUser(PortalUser.class).orElseThrow();
    Actor actor = user.actor();
    boolean canTry = Roles.canDevelop(user.role());
    addClassNames("flowgate-page");
    getStyle().set("display", "flex").set("flex-direction", "column");

    catalogGatewayUrl = catalog.gatewayUrl();
    services = catalog.services(actor);
    List<CatalogRoute> routes = services.stream().flatMap(s -> s.routes().stream()).toList();
    console = new TryItConsole(gateway, actor, routes);

    Anchor openApi = new Anchor("/api/v1/catalog/openapi.json", "OpenAPI document");
    openApi.setId("catalog-openapi");
    openApi.setTarget(AnchorTarget.BLANK);
    openApi.setRouterIgnore(true);
    H2 title = new H2("API catalog");
    HorizontalLayout header = new HorizontalLayout(title, openApi);
    header.setWidthFull();
    header.setAlignItems(FlexComponent.Alignment.BASELINE);
    header.expand(title);
    Paragraph intro = new Paragraph("Your routes as API consumers call them, through the gateway at " + catalog.gatewayUrl()
        + " with an API key in X-API-Key.");
    intro.addClassName("flowgate-muted");
    add(header, intro);

    if (services.isEmpty()) {
      Paragraph empty = new Paragraph("No routes yet: add a service and a route, or create the sample API on the Dashboard.");
      empty.setId("catalog-empty");
      add(card(empty));
    }
    services.forEach(s -> add(serviceCard(s, canTry)));
    if (canTry) {
      add(card(new H3("Try it"), console));
    } else {
      Paragraph readOnly = new Paragraph("Your role reads the catalog; trying routes needs the developer role.");
      readOnly.setId("try-read-only");
      add(card(new H3("Try it"), readOnly));
    }
  }

  private Div serviceCard(CatalogService service, boolean canTry) {
    Grid<CatalogRoute> grid = new Grid<>(CatalogRoute.class, false);
    grid.setId("catalog-service-" + service.name().replaceAll("[^A-Za-z0-9_-]", "-"));
    grid.setAriaLabel("Routes of " + service.name());
    grid.addColumn(CatalogRoute::name).setHeader("Route").setFlexGrow(1);
    grid.addColumn(r -> r.methods().isEmpty() ? "any" : String.join(", ", r.methods())).setHeader("Methods").setFlexGrow(1);
    grid.addColumn(r -> String.join(", ", r.gatewayUrls())).setHeader("Gateway URL").setFlexGrow(3);
    grid.addColumn(r -> r.policies().isEmpty() ? "none" : String.join("; ", r.policies())).setHeader("Policies").setFlexGrow(2);
    if (canTry) {
      grid.addComponentColumn(r -> {
        Button tryIt = new Button("Try", VaadinIcon.PLAY.create(), e -> console.choose(r));
        tryIt.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
        tryIt.setAriaLabel("Try route " + r.name());
        return tryIt;
      }).setHeader("Console").setFlexGrow(0).setAutoWidth(true);
    }
    grid.addColumn(r -> r.operations().isEmpty() ? "generic" : r.operations().size() + " from the service's OpenAPI")
        .setHeader("Operations").setFlexGrow(1);
    grid.setItems(service.routes());
    grid.setAllRowsVisible(true);
    grid.addThemeVariants(GridVariant.LUMO_WRAP_CELL_CONTENT);
    List<RouteOperation> operations = service.routes().stream()
        .flatMap(r -> r.operations().stream().map(o -> new RouteOperation(r, o))).toList();
    if (operations.isEmpty()) {
      return card(new H3("Service " + service.name()), grid);
    }
    return card(new H3("Service " + service.name()), grid, new H4("Operations from its OpenAPI document"),
        operationsGrid(service, operations, canTry));
  }

  /** One operation of a service's own document as a route publishes it. */
  record RouteOperation(CatalogRoute route, CatalogOperation operation) {}

  private Grid<RouteOperation> operationsGrid(CatalogService service, List<RouteOperation> operations, boolean canTry) {
    Grid<RouteOperation> grid = new Grid<>(RouteOperation.class, false);
    grid.setId("catalog-operations-" + service.name().replaceAll("[^A-Za-z0-9_-]", "-"));
    grid.setAriaLabel("Operations of " + service.name());
    grid.addColumn(o -> o.operation().method()).setHeader("Method").setAutoWidth(true).setFlexGrow(0);
    grid.addColumn(o -> catalogGatewayUrl + o.operation().path()).setHeader("Gateway URL").setFlexGrow(3);
    grid.addColumn(o -> o.operation().summary()).setHeader("Summary").setFlexGrow(2);
    grid.addColumn(o -> o.route().name()).setHeader("Route").setFlexGrow(1);
    if (canTry) {
      grid.addComponentColumn(o -> {
        Button tryIt = new Button("Try", VaadinIcon.PLAY.create(), e -> {
          console.choose(o.route());
          console.choose(o.operation());
        });
        tryIt.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
        tryIt.setAriaLabel("Try " + o.operation().method() + " " + o.operation().path());
        return tryIt;
      }).setHeader("Console").setFlexGrow(0).setAutoWidth(true);
    }
    grid.setItems(operations);
    grid.setAllRowsVisible(true);
    grid.addThemeVariants(GridVariant.LUMO_WRAP_CELL_CONTENT);
    return grid;
  }

  private static Div card(Component... content) {
    Div card = new Div(content);
    card.addClassName("flowgate-card");
    return card;
  }
}
