package dev.flowgate.portal.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.node.ObjectNode;
import dev.flowgate.portal.routing.OpenApiDocuments;

/** Where the operations of a service's own document are reached through a route. */
class SpecPathsTest {

  @ParameterizedTest(name = "route {0} stripPath={1} base ''{2}'' server ''{3}'': {4} → {5}")
  @CsvSource(delimiter = '|', nullValues = "none", value = {
      // stripPath: the route's public prefix stands for the document's server path
      "/shop      | true  |      |     | /orders/{id}         | /shop/orders/{id}",
      "/shop/*    | true  |      |     | /orders/{id}/lines   | /shop/orders/{id}/lines",
      "/shop      | true  |      |     | /                    | /shop",
      "/          | true  |      |     | /orders/{id}         | /orders/{id}",
      "/shop      | true  | /v1  | /v1 | /orders/{id}         | /shop/orders/{id}",
      "/shop      | true  |      | /v1 | /orders/{id}         | /shop/v1/orders/{id}",
      "/shop      | true  | /v2  | /v1 | /orders/{id}         | none",
      "=/health   | true  |      |     | /                    | /health",
      "=/health   | true  |      |     | /status              | none",
      // no stripPath: the upstream sees the public path, so only operations under the route's prefix are reached
      "/shop      | false |      |     | /shop/orders/{id}    | /shop/orders/{id}",
      "/shop      | false |      |     | /orders/{id}         | none",
      "/shop      | false |      | /shop | /orders/{id}       | /shop/orders/{id}",
      "/shop      | false | /api | /api/shop | /orders/{id}   | /shop/orders/{id}",
      "/shopping  | false |      |     | /shop/orders         | none",
      "=/health   | false |      |     | /health              | /health",
      "=/health   | false |      |     | /health/deep         | none",
  })
  void an_operation_is_published_where_the_gateway_would_send_it_upstream(String route, boolean stripPath, String base,
      String server, String specPath, String expected) {
    Optional<String> mapped = SpecPaths.publicPath(route, stripPath, base == null ? "" : base, server == null ? "" : server,
        specPath);

    assertThat(mapped).isEqualTo(Optional.ofNullable(expected));
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "https://api.example.com/v1/ | /v1",
      "https://api.example.com     | ''",
      "/v2                         | /v2",
      "https://{host}/{base}       | /api",
  })
  void the_server_path_is_the_first_servers_path_with_variables_at_their_defaults(String url, String expected) {
    ObjectNode document = OpenApiDocuments.parse("""
        openapi: 3.0.3
        servers:
          - url: "%s"
            variables:
              host: {default: api.example.com}
              base: {default: api}
        paths: {}
        """.formatted(url));

    assertThat(SpecPaths.serverPath(document)).isEqualTo(expected);
  }

  @Test
  void a_route_publishes_the_methods_it_accepts_with_the_path_items_parameters() {
    ObjectNode document = OpenApiDocuments.parse("""
        openapi: 3.1.0
        servers: [{url: "https://orders.example.com/v1"}]
        paths:
          /orders/{id}:
            parameters:
              - {name: id, in: path, required: true, schema: {type: string, example: "42"}}
            get: {summary: Get an order, responses: {"200": {description: ok}}}
            delete: {operationId: cancelOrder, responses: {"204": {description: gone}}}
          /admin/stats:
            get: {responses: {"200": {description: ok}}}
        """);

    List<CatalogOperation> operations = SpecOperations.forRoute(document, List.of("/shop"), true, List.of("GET"), "/v1");

    assertThat(operations).extracting(CatalogOperation::label)
        .containsExactly("GET /shop/orders/{id} · Get an order", "GET /shop/admin/stats");
    assertThat(operations.get(0).operation().path("parameters").get(0).path("name").asString()).isEqualTo("id");
    assertThat(OperationSamples.examplePath(operations.get(0))).isEqualTo("/shop/orders/42");
    assertThat(SpecOperations.forRoute(document, List.of("/shop"), false, List.of("GET"), "/v1")).isEmpty();
  }
}
