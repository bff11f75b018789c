package dev.flowgate.portal.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flowgate.portal.Api;
import dev.flowgate.portal.PortalIT;
import dev.flowgate.portal.StubGateway;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The catalog API: routes by service, the tenant's OpenAPI document, and try-it through the gateway. */
class CatalogIT extends PortalIT {

  private static final String KEY = "fg_live_" + "A".repeat(32);

  private record Published(String serviceId, String routeId) {}

  private Published publish(Api.Tenant tenant, String name, List<String> paths, List<String> methods, List<Object> policies) {
    Api.Response service = api.post("/api/v1/services", tenant.token(), Map.of("name", name, "url", "https://8.8.8.8"));
    assertThat(service.status()).as(service.raw()).isEqualTo(201);
    String serviceId = service.json().path("id").asString();
    Api.Response route = api.post("/api/v1/routes", tenant.token(), Map.of("name", name + "-route", "serviceId", serviceId,
        "paths", paths, "methods", methods, "policies", policies));
    assertThat(route.status()).as(route.raw()).isEqualTo(201);
    return new Published(serviceId, route.json().path("id").asString());
  }

  @Test
  void the_catalog_groups_routes_by_service_with_gateway_urls_and_a_policy_summary() {
    Api.Tenant tenant = signUp();
    publish(tenant, "orders", List.of("/orders"), List.of("GET", "POST"),
        List.of(Map.of("type", "rate_limit", "config", Map.of("limit", 10, "windowSeconds", 60))));
    publish(tenant, "health", List.of("/health"), List.of(), List.of());

    Api.Response response = api.get("/api/v1/catalog", tenant.token());

    assertThat(response.status()).as(response.raw()).isEqualTo(200);
    JsonNode services = response.json();
    assertThat(services).hasSize(2);
    assertThat(services.get(0).path("name").asString()).isEqualTo("health");
    JsonNode orders = services.get(1).path("routes").get(0);
    assertThat(orders.path("methods").toString()).isEqualTo("[\"GET\",\"POST\"]");
    assertThat(orders.path("gatewayUrls").get(0).asString()).endsWith("/orders").startsWith("http://127.0.0.1:");
    assertThat(orders.path("policies").get(0).asString()).isEqualTo("Rate limit 10 per 60 s");
  }

  @Test
  void the_openapi_document_describes_only_the_callers_routes_on_the_gateway() {
    Api.Tenant a = signUp();
    Api.Tenant b = signUp();
    publish(a, "orders", List.of("/orders"), List.of("GET", "POST"), List.of());
    publish(b, "secret", List.of("/secret-b"), List.of(), List.of());

    Api.Response response = api.get("/api/v1/catalog/openapi.json", a.token());

    assertThat(response.status()).as(response.raw()).isEqualTo(200);
    JsonNode doc = response.json();
    assertThat(doc.path("openapi").asString()).startsWith("3.");
    assertThat(doc.path("servers").get(0).path("url").asString()).isEqualTo(StubGateway.url());
    assertThat(doc.path("paths").has("/orders")).isTrue();
    assertThat(doc.path("paths").path("/orders").has("get")).isTrue();
    assertThat(doc.path("paths").path("/orders").has("post")).isTrue();
    assertThat(doc.path("paths").path("/orders").has("delete")).isFalse();
    JsonNode below = doc.path("paths").path("/orders/{path}").path("get");
    assertThat(below.path("parameters").get(0).path("in").asString()).isEqualTo("path");
    assertThat(below.path("responses").has("429")).isTrue();
    assertThat(doc.path("components").path("securitySchemes").path("apiKey").path("name").asString()).isEqualTo("X-API-Key");
    assertThat(response.raw()).doesNotContain("secret-b");
  }

  @Test
  void a_services_own_document_documents_its_routes_under_the_route_prefix_and_others_stay_generic() {
    Api.Tenant tenant = signUp();
    String shop = AttachedSpecs.publishOrders(api, tenant);
    publish(tenant, "health", List.of("/health"), List.of("GET"), List.of());

    Api.Response listed = api.get("/api/v1/catalog", tenant.token());
    assertThat(listed.status()).as(listed.raw()).isEqualTo(200);
    JsonNode route = listed.json().get(1).path("routes").get(0);
    assertThat(route.path("id").asString()).isEqualTo(shop);
    assertThat(route.path("operations").valueStream().map(o -> o.path("method").asString() + " " + o.path("path").asString()))
        .containsExactly("POST /shop/orders", "GET /shop/orders/{id}");

    JsonNode doc = api.get("/api/v1/catalog/openapi.json", tenant.token()).json();
    JsonNode get = doc.path("paths").path("/shop/orders/{id}").path("get");
    assertThat(get.path("summary").asString()).isEqualTo("Get an order");
    assertThat(get.path("x-flowgate-route-id").asString()).isEqualTo(shop);
    assertThat(get.path("parameters").get(0).path("name").asString()).isEqualTo("id");
    JsonNode ok = get.path("responses").path("200").path("content").path("application/json");
    assertThat(ok.path("schema").path("$ref").asString()).isEqualTo("#/components/schemas/orders.Order");
    assertThat(ok.path("example").path("status").asString()).isEqualTo("open");
    assertThat(get.path("responses").path("404").path("description").asString()).isEqualTo("No such order");
    assertThat(get.path("responses").has("429")).isTrue();
    assertThat(doc.path("paths").path("/shop/orders").path("post").path("requestBody").path("content")
        .path("application/json").path("schema").path("$ref").asString()).isEqualTo("#/components/schemas/orders.NewOrder");
    JsonNode schemas = doc.path("components").path("schemas");
    assertThat(schemas.path("orders.Order").path("allOf").get(0).path("$ref").asString())
        .isEqualTo("#/components/schemas/orders.NewOrder");
    assertThat(schemas.has("Problem")).isTrue();
    assertThat(doc.path("paths").has("/shop/{path}")).isFalse();
    assertThat(doc.path("paths").path("/health/{path}").has("get")).isTrue();
  }

  @Test
  void a_viewer_reads_the_catalog_but_may_not_send_through_the_console() {
    Api.Tenant tenant = signUp();
    Published orders = publish(tenant, "orders", List.of("/orders"), List.of(), List.of());
    String viewer = member(tenant, "viewer");

    assertThat(api.get("/api/v1/catalog/openapi.json", viewer).status()).isEqualTo(200);
    assertThat(api.post("/api/v1/catalog/try", viewer, Map.of("routeId", orders.routeId(), "method", "GET",
        "path", "/orders", "apiKey", KEY)).status()).isEqualTo(403);
  }

  @Test
  void try_it_sends_the_call_to_the_gateway_with_the_key_and_shows_status_headers_and_body() {
    Api.Tenant tenant = signUp();
    Published orders = publish(tenant, "orders", List.of("/orders"), List.of("GET", "POST"), List.of());

    Api.Response response = api.post("/api/v1/catalog/try", tenant.token(), Map.of("routeId", orders.routeId(),
        "method", "POST", "path", "/orders/42?expand=lines", "headers", Map.of("X-Trace", "abc"), "body", "{\"qty\":2}",
        "apiKey", KEY));

    assertThat(response.status()).as(response.raw()).isEqualTo(200);
    JsonNode answer = response.json();
    assertThat(answer.path("status").asInt()).isEqualTo(200);
    assertThat(answer.path("headers").path("ratelimit-remaining").get(0).asString()).isEqualTo("99");
    assertThat(answer.path("headers").path("x-request-id").get(0).asString()).isEqualTo("stub-request-1");
    assertThat(answer.path("body").asString()).contains("/orders/42");
    assertThat(response.raw()).doesNotContain(KEY);
    StubGateway.Received received = StubGateway.last.get();
    assertThat(received.method()).isEqualTo("POST");
    assertThat(received.pathAndQuery()).isEqualTo("/orders/42?expand=lines");
    assertThat(received.header("X-API-Key")).isEqualTo(KEY);
    assertThat(received.header("X-Trace")).isEqualTo("abc");
    assertThat(received.header("Content-Type")).isEqualTo("application/json");
    assertThat(received.body()).isEqualTo("{\"qty\":2}");
  }

  @Test
  void try_it_reaches_only_the_gateway_and_only_paths_the_route_serves() {
    Api.Tenant tenant = signUp();
    Published sample = publish(tenant, "sample", List.of("/sample"), List.of("GET"), List.of());
    String route = sample.routeId();

    for (String path : List.of("/other", "//169.254.169.254/latest", "@169.254.169.254/x", "/sample/../admin",
        "http://169.254.169.254/", "/sample/a b", "/sample\r\nHost: evil")) {
      Api.Response refused = api.post("/api/v1/catalog/try", tenant.token(),
          Map.of("routeId", route, "method", "GET", "path", path, "apiKey", KEY));
      assertThat(refused.status()).as(path + ": " + refused.raw()).isEqualTo(400);
      assertThat(refused.json().path("errors").get(0).path("field").asString()).as(path).isEqualTo("path");
    }
    Api.Response host = api.post("/api/v1/catalog/try", tenant.token(),
        Map.of("routeId", route, "method", "GET", "path", "/sample", "headers", Map.of("Host", "169.254.169.254"), "apiKey", KEY));
    assertThat(host.status()).isEqualTo(400);
    assertThat(host.json().path("errors").get(0).path("field").asString()).isEqualTo("headers");
    Api.Response method = api.post("/api/v1/catalog/try", tenant.token(),
        Map.of("routeId", route, "method", "DELETE", "path", "/sample", "apiKey", KEY));
    assertThat(method.json().path("errors").get(0).path("field").asString()).isEqualTo("method");
    Api.Response token = api.post("/api/v1/catalog/try", tenant.token(),
        Map.of("routeId", route, "method", "GET", "path", "/sample", "apiKey", tenant.token()));
    assertThat(token.json().path("errors").get(0).path("field").asString()).isEqualTo("apiKey");

    Api.Response redirect = api.post("/api/v1/catalog/try", tenant.token(),
        Map.of("routeId", route, "method", "GET", "path", "/sample/redirect", "apiKey", KEY));
    assertThat(redirect.json().path("status").asInt()).as("a redirect is shown, never followed").isEqualTo(302);
  }

  @Test
  void another_tenants_route_id_answers_404_and_nothing_is_sent() {
    Api.Tenant a = signUp();
    Api.Tenant b = signUp();
    Published foreign = publish(a, "orders", List.of("/orders"), List.of(), List.of());
    StubGateway.last.set(null);

    for (String id : List.of(foreign.routeId(), UUID.randomUUID().toString())) {
      Api.Response response = api.post("/api/v1/catalog/try", b.token(),
          Map.of("routeId", id, "method", "GET", "path", "/orders", "apiKey", KEY));
      assertThat(response.status()).as(response.raw()).isEqualTo(404);
      assertThat(response.header("Content-Type")).startsWith("application/problem+json");
    }
    assertThat(StubGateway.last.get()).isNull();
    assertThat(api.get("/api/v1/catalog", b.token()).json()).isEmpty();
  }
}
