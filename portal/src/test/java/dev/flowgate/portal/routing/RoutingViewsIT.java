package dev.flowgate.portal.routing;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.data.provider.Query;
import com.vaadin.flow.spring.security.AuthenticationContext;
import dev.flowgate.portal.Api;
import dev.flowgate.portal.PortalIT;
import dev.flowgate.portal.ViewSession;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;

/** The services and routes screens, driven server-side (the browser journey lives in e2e-tests). */
class RoutingViewsIT extends PortalIT {

  @RegisterExtension final ViewSession session = new ViewSession();

  @Autowired UpstreamManagement services;
  @Autowired RouteManagement routes;
  @Autowired AuthenticationContext authentication;

  @Test
  void a_developer_creates_and_edits_a_service_in_the_form() {
    Api.Tenant tenant = signUp();
    session.signIn(tenant, "developer");
    ServicesView view = new ServicesView(services, authentication);

    view.name.setValue("orders");
    view.url.setValue("https://8.8.8.8");
    view.retries.setValue(2);
    view.save.click();

    assertThat(view.status.getText()).contains("Saved");
    var listed = api.get("/api/v1/services", tenant.token()).json().path("items");
    assertThat(listed.size()).isEqualTo(1);
    assertThat(listed.get(0).path("retries").asInt()).isEqualTo(2);
    view.retries.setValue(3);
    view.save.click();
    assertThat(api.get("/api/v1/services", tenant.token()).json().path("items").get(0).path("retries").asInt()).isEqualTo(3);
  }

  @Test
  void a_services_openapi_document_is_pasted_in_the_form_and_a_bad_one_is_marked_beside_it() {
    Api.Tenant tenant = signUp();
    session.signIn(tenant, "developer");
    ServicesView view = new ServicesView(services, authentication);
    view.name.setValue("orders");
    view.url.setValue("https://8.8.8.8");
    view.openApi.setValue("swagger: \"2.0\"\npaths: {}");

    view.save.click();

    assertThat(view.openApi.isInvalid()).isTrue();
    assertThat(view.openApi.getErrorMessage()).contains("openapi: 3.x");
    assertThat(view.openApi.getValue()).startsWith("swagger");
    assertThat(api.get("/api/v1/services", tenant.token()).json().path("total").asLong()).isZero();

    view.openApi.setValue(ServiceOpenApiIT.SPEC);
    view.save.click();
    assertThat(view.openApi.isInvalid()).isFalse();
    assertThat(api.get("/api/v1/services", tenant.token()).json().path("items").get(0).path("openApi").asString())
        .isEqualTo(ServiceOpenApiIT.SPEC);

    view.openApi.setValue("");
    view.save.click();
    assertThat(api.get("/api/v1/services", tenant.token()).json().path("items").get(0).path("openApi").isNull()).isTrue();
  }

  @Test
  void invalid_input_is_shown_beside_the_fields_and_nothing_typed_is_lost() {
    Api.Tenant tenant = signUp();
    session.signIn(tenant, "owner");
    ServicesView view = new ServicesView(services, authentication);

    view.name.setValue("metadata");
    view.url.setValue("http://169.254.169.254/latest");
    view.retries.setValue(9);
    view.save.click();

    assertThat(view.url.isInvalid()).isTrue();
    assertThat(view.url.getErrorMessage()).isNotBlank();
    assertThat(view.retries.isInvalid()).isTrue();
    assertThat(view.retries.getErrorMessage()).contains("between 0 and 5");
    assertThat(view.name.isInvalid()).isFalse();
    assertThat(view.url.getValue()).isEqualTo("http://169.254.169.254/latest");
    assertThat(view.name.getValue()).isEqualTo("metadata");
    assertThat(api.get("/api/v1/services", tenant.token()).json().path("total").asLong()).isZero();
  }

  @Test
  void the_services_grid_and_api_search_by_name() {
    Api.Tenant tenant = signUp();
    api.post("/api/v1/services", tenant.token(), Map.of("name", "Orders API", "url", "https://8.8.8.8"));
    api.post("/api/v1/services", tenant.token(), Map.of("name", "billing", "url", "https://8.8.4.4"));
    session.signIn(tenant, "viewer");
    ServicesView view = new ServicesView(services, authentication);

    view.search.setValue("order");

    assertThat(view.grid.getDataProvider().fetch(new Query<>(0, 50, null, null, null)).map(ServiceView::name).toList())
        .containsExactly("Orders API");
    assertThat(api.get("/api/v1/services?q=BILL", tenant.token()).json().path("items").get(0).path("name").asString())
        .isEqualTo("billing");
    assertThat(api.get("/api/v1/services?q=BILL", tenant.token()).json().path("total").asLong()).isEqualTo(1);
  }

  @Test
  void a_viewer_sees_services_read_only() {
    Api.Tenant tenant = signUp();
    session.signIn(tenant, "viewer");
    ServicesView view = new ServicesView(services, authentication);

    assertThat(view.name.isReadOnly()).isTrue();
    assertThat(view.save.getParent().orElseThrow().isVisible()).isFalse();
    assertThat(view.status.getText()).contains("read");
  }

  @Test
  void a_route_form_shows_path_errors_and_then_saves_the_corrected_route() {
    Api.Tenant tenant = signUp();
    String serviceId = api.post("/api/v1/services", tenant.token(), Map.of("name", "orders", "url", "https://8.8.8.8"))
        .json().path("id").asString();
    session.signIn(tenant, "developer");
    RoutesView view = new RoutesView(routes, services, authentication);

    view.name.setValue("orders");
    view.service.setValue(view.service.getListDataView().getItems().findFirst().orElseThrow());
    view.paths.setValue("orders");
    view.methods.setValue(Set.of("GET", "POST"));
    view.save.click();

    assertThat(view.paths.isInvalid()).isTrue();
    assertThat(view.paths.getValue()).isEqualTo("orders");
    assertThat(view.methods.getValue()).containsExactlyInAnyOrder("GET", "POST");
    view.paths.setValue("/orders, /orders/*");
    view.save.click();

    assertThat(view.paths.isInvalid()).isFalse();
    var route = api.get("/api/v1/routes", tenant.token()).json().path("items").get(0);
    assertThat(route.path("serviceId").asString()).isEqualTo(serviceId);
    assertThat(route.path("paths").toString()).contains("/orders/*");
    assertThat(route.path("methods").toString()).isEqualTo("[\"GET\",\"POST\"]");
  }
}
