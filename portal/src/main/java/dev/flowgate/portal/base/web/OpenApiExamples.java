package dev.flowgate.portal.base.web;

import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.examples.Example;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.parameters.RequestBody;
import io.swagger.v3.oas.models.responses.ApiResponse;
import java.util.List;
import java.util.Map;

/** Request and answer examples of the operations whose shape code alone does not make plain. */
final class OpenApiExamples {

  private static final String WORKFLOW = "8a1f0c52-3b7e-4d1a-9c1e-2f4b6d8e0a13";
  private static final String ROUTE = "5d0e7c9b-1a2f-4e3d-8b6c-7a9f0e1d2c3b";
  private static final String KEY = "0b6d4e2f-9c8a-4b7e-a1d3-5f2e8c7b9a64";

  /** "METHOD path" → request body example. */
  static final Map<String, Object> REQUESTS = Map.of(
      "POST /api/v1/workflows/{id}/triggers", Map.of("type", "api_route", "routeId", ROUTE, "mode", "async",
          "inputTemplate", Map.of("orderId", "{{body.id}}", "customer", "{{headers.x-customer-id}}")),
      "POST /api/v1/workflows/from-template", Map.of("template", "approval-chain", "name", "purchase-approvals"));

  /** "METHOD path" → (status, answer example). */
  static final Map<String, Map.Entry<String, Object>> RESPONSES = Map.of(
      "GET /api/v1/workflows/{id}/versions/{a}/diff/{b}", Map.entry("200", Map.of(
          "workflowId", WORKFLOW, "from", 1, "to", 2,
          "definition", List.of(),
          "added", List.of("notify_ops"), "removed", List.of("wait"),
          "changed", List.of(Map.of("step", "fetch", "fields", List.of(
              Map.of("path", "config.url", "from", "https://a.example/orders", "to", "https://b.example/orders"),
              Map.of("path", "retry.maxAttempts", "from", 3, "to", 5)))))),
      "POST /api/v1/workflows/{id}/versions/{version}/restore", Map.entry("201", Map.of(
          "id", WORKFLOW, "name", "onboarding", "currentVersion", 3,
          "definition", Map.of("name", "onboarding", "steps", List.of(Map.of("id", "wait", "type", "delay",
              "config", Map.of("seconds", 5)))),
          "createdAt", "2026-11-20T09:00:00Z", "updatedAt", "2026-11-23T10:15:00Z")),
      "GET /api/v1/keys/{id}/usage", Map.entry("200", Map.of(
          "tenantId", "3c2b1a09-8f7e-4d6c-b5a4-938271605f4e", "keyId", KEY, "from", "2026-11-23T00:00:00Z",
          "to", "2026-11-24T00:00:00Z", "granularity", "hour", "groupBy", "key",
          "totals", Map.of("calls", 8, "errors", 1, "serverErrors", 0, "requestBytes", 20, "responseBytes", 40),
          "series", List.of(Map.of("bucketStart", "2026-11-23T10:00:00Z", "group", KEY, "calls", 5, "errors", 1,
              "serverErrors", 0, "requestBytes", 10, "responseBytes", 20, "latencyP50Ms", 5, "latencyP95Ms", 9,
              "latencyP99Ms", 12)))));

  private OpenApiExamples() {}

  static void apply(String path, PathItem.HttpMethod method, Operation operation) {
    String key = method + " " + path;
    Object request = REQUESTS.get(key);
    if (request != null) {
      if (operation.getRequestBody() == null) {
        operation.setRequestBody(new RequestBody());
      }
      if (operation.getRequestBody().getContent() == null) {
        operation.getRequestBody().setContent(new Content().addMediaType("application/json", new MediaType()));
      }
      operation.getRequestBody().getContent().values()
          .forEach(media -> media.addExamples("example", new Example().value(request)));
    }
    Map.Entry<String, Object> response = RESPONSES.get(key);
    if (response != null && operation.getResponses() != null) {
      // springdoc documents a ResponseEntity's answer as 200 whatever status the code sets
      ApiResponse answer = operation.getResponses().getOrDefault(response.getKey(), operation.getResponses().get("200"));
      if (answer != null && answer.getContent() != null) {
        answer.getContent().values().forEach(media -> media.addExamples("example", new Example().value(response.getValue())));
      }
    }
  }
}
