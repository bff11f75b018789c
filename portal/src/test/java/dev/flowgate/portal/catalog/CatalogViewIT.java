package dev.flowgate.portal.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.server.auth.AccessAnnotationChecker;
import com.vaadin.flow.spring.security.AuthenticationContext;
import dev.flowgate.portal.Api;
import dev.flowgate.portal.PortalIT;
import dev.flowgate.portal.StubGateway;
import dev.flowgate.portal.ViewSession;
import dev.flowgate.portal.apikeys.KeysView;
import dev.flowgate.portal.base.security.PortalUser;
import dev.flowgate.portal.base.ui.MainLayout;
import dev.flowgate.portal.tenants.TenantService;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;

/** The catalog screen and its console, driven server-side (the browser journey is in e2e-tests). */
class CatalogViewIT extends PortalIT {

  @RegisterExtension final ViewSession session = new ViewSession();

  private static final String KEY = "fg_live_" + "b".repeat(32);

  @Autowired ApiCatalog catalog;
  @Autowired GatewayConsole gateway;
  @Autowired AuthenticationContext authentication;
  @Autowired TenantService tenants;

  private void publishSample(Api.Tenant tenant) {
    String service = api.post("/api/v1/services", tenant.token(), Map.of("name", "sample", "url", "https://8.8.8.8"))
        .json().path("id").asString();
    api.post("/api/v1/routes", tenant.token(), Map.of("name", "sample", "serviceId", service, "paths", List.of("/sample"),
        "methods", List.of("GET")));
  }

  @Test
  void a_developer_tries_a_route_and_sees_status_rate_limit_headers_and_body() {
    Api.Tenant tenant = signUp();
    publishSample(tenant);
    session.signIn(tenant, "developer");
    CatalogView view = new CatalogView(catalog, gateway, authentication);
    assertThat(view.services).extracting(CatalogService::name).containsExactly("sample");

    TryItConsole console = view.console;
    console.choose(view.services.get(0).routes().get(0));
    assertThat(console.path.getValue()).isEqualTo("/sample");
    console.path.setValue("/sample/hello");
    console.apiKey.setValue(KEY);
    console.headers.setValue("Accept: application/json");
    console.send();

    assertThat(console.status.getText()).contains("→ 200");
    assertThat(console.responseHeaders.getText()).startsWith("x-request-id: stub-request-1").contains("ratelimit-remaining: 99");
    assertThat(console.responseBody.getText()).contains("/sample/hello");
    assertThat(StubGateway.last.get().header("Accept")).isEqualTo("application/json");
  }

  @Test
  void a_route_of_a_service_with_its_own_document_offers_its_operations_with_schemas_and_examples() {
    Api.Tenant tenant = signUp();
    AttachedSpecs.publishOrders(api, tenant);
    session.signIn(tenant, "developer");
    CatalogView view = new CatalogView(catalog, gateway, authentication);
    TryItConsole console = view.console;

    console.choose(view.services.get(0).routes().get(0));

    assertThat(console.guide.isVisible()).isTrue();
    assertThat(console.guide.operation.getListDataView().getItems().map(CatalogOperation::label))
        .containsExactly("POST /shop/orders · Place an order", "GET /shop/orders/{id} · Get an order");
    assertThat(console.method.getValue()).isEqualTo("POST");
    assertThat(console.path.getValue()).isEqualTo("/shop/orders");
    assertThat(console.body.getValue()).contains("\"sku\" : \"A-1\"");
    assertThat(console.guide.requestSchema.getText()).contains("\"minimum\" : 1").doesNotContain("$ref");
    assertThat(console.guide.responses.getText()).startsWith("Responses:\n201 Placed").contains("\"enum\"");

    console.choose(console.guide.operation.getListDataView().getItems().toList().get(1));
    assertThat(console.path.getValue()).isEqualTo("/shop/orders/42");
    assertThat(console.body.getValue()).isEmpty();
    assertThat(console.guide.responses.getText()).contains("200 The order").contains("\"status\" : \"open\"")
        .contains("404 No such order");
    console.apiKey.setValue(KEY);
    console.send();
    assertThat(console.status.getText()).contains("→ 200");
    assertThat(StubGateway.last.get().pathAndQuery()).isEqualTo("/shop/orders/42");
  }

  @Test
  void a_route_without_a_document_keeps_the_generic_console() {
    Api.Tenant tenant = signUp();
    publishSample(tenant);
    session.signIn(tenant, "developer");
    CatalogView view = new CatalogView(catalog, gateway, authentication);

    view.console.choose(view.services.get(0).routes().get(0));

    assertThat(view.console.guide.isVisible()).isFalse();
    assertThat(view.services.get(0).routes().get(0).operations()).isEmpty();
  }

  @Test
  void refused_input_is_marked_beside_the_fields_and_kept() {
    Api.Tenant tenant = signUp();
    publishSample(tenant);
    session.signIn(tenant, "owner");
    TryItConsole console = new CatalogView(catalog, gateway, authentication).console;
    console.choose(catalog.services(new PortalUser(UUID.randomUUID(), tenant.id(), "o@example.com", "x", "owner").actor())
        .get(0).routes().get(0));

    console.path.setValue("/elsewhere");
    console.apiKey.setValue("not-a-key");
    console.headers.setValue("X-Note: kept");
    console.send();

    assertThat(console.path.isInvalid()).isTrue();
    assertThat(console.path.getErrorMessage()).contains("not served by route sample");
    assertThat(console.apiKey.isInvalid()).isTrue();
    assertThat(console.path.getValue()).isEqualTo("/elsewhere");
    assertThat(console.headers.getValue()).isEqualTo("X-Note: kept");

    console.headers.setValue("no colon here");
    console.send();
    assertThat(console.headers.isInvalid()).isTrue();
    assertThat(console.headers.getValue()).isEqualTo("no colon here");
  }

  @Test
  void a_viewer_sees_the_catalog_without_the_console() {
    Api.Tenant tenant = signUp();
    publishSample(tenant);
    session.signIn(tenant, "viewer");

    CatalogView view = new CatalogView(catalog, gateway, authentication);

    assertThat(view.services).hasSize(1);
    assertThat(view.console.getParent()).isEmpty();
  }

  @Test
  void keys_and_catalog_are_in_the_navigation_and_open_for_every_tenant_role_but_billing() {
    Api.Tenant tenant = signUp();
    for (String role : List.of("owner", "admin", "developer", "viewer", "billing")) {
      PortalUser user = session.signIn(tenant, role);
      MainLayout layout = new MainLayout(authentication, tenants);
      boolean shown = !role.equals("billing");

      assertThat(hasId(layout, "nav-keys")).as(role).isEqualTo(shown);
      assertThat(hasId(layout, "nav-catalog")).as(role).isEqualTo(shown);
      for (Class<?> view : List.of(KeysView.class, CatalogView.class)) {
        assertThat(new AccessAnnotationChecker().hasAccess(view, user::getUsername,
            r -> user.getAuthorities().stream().anyMatch(a -> a.getAuthority().equals("ROLE_" + r)))).as(role + " " + view).isEqualTo(shown);
      }
    }
  }

  private static boolean hasId(Component root, String id) {
    return root.getId().filter(id::equals).isPresent() || root.getChildren().anyMatch(c -> hasId(c, id));
  }
}
