package dev.flowgate.portal.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flowgate.portal.Api;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** A service with its own OpenAPI document, published under a prefix route that strips it. */
final class AttachedSpecs {

  static final String ORDERS = """
      openapi: 3.0.3
      info: {title: Orders, version: "1"}
      servers: [{url: "https://orders.example.com/v1"}]
      paths:
        /orders:
          post:
            summary: Place an order
            requestBody:
              content:
                application/json:
                  schema: {$ref: "#/components/schemas/NewOrder"}
                  example: {sku: "A-1", qty: 2}
            responses:
              "201":
                description: Placed
                content:
                  application/json:
                    schema: {$ref: "#/components/schemas/Order"}
        /orders/{id}:
          parameters:
            - {name: id, in: path, required: true, schema: {type: string}, example: "42"}
          get:
            summary: Get an order
            responses:
              "200":
                description: The order
                content:
                  application/json:
                    schema: {$ref: "#/components/schemas/Order"}
                    example: {id: "42", sku: "A-1", qty: 2, status: open}
              "404": {description: No such order}
      components:
        schemas:
          NewOrder:
            type: object
            required: [sku, qty]
            properties: {sku: {type: string}, qty: {type: integer, minimum: 1}}
          Order:
            allOf:
              - {$ref: "#/components/schemas/NewOrder"}
              - type: object
                properties: {id: {type: string}, status: {type: string, enum: [open, shipped]}}
      """;

  private AttachedSpecs() {}

  /** Publishes service {@code orders} (URL path /v1, the document above) under route {@code /shop}, stripPath. */
  static String publishOrders(Api api, Api.Tenant tenant) {
    Map<String, Object> service = new HashMap<>(Map.of("name", "orders", "url", "https://8.8.8.8/v1"));
    service.put("openApi", ORDERS);
    Api.Response created = api.post("/api/v1/services", tenant.token(), service);
    assertThat(created.status()).as(created.raw()).isEqualTo(201);
    Api.Response route = api.post("/api/v1/routes", tenant.token(), Map.of("name", "shop", "serviceId",
        created.json().path("id").asString(), "paths", List.of("/shop"), "stripPath", true));
    assertThat(route.status()).as(route.raw()).isEqualTo(201);
    return route.json().path("id").asString();
  }
}
