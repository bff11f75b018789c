package dev.flowgate.portal.base.web;

import dev.flowgate.portal.base.problems.Problems;
import io.swagger.v3.oas.models.examples.Example;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The problem types the API answers, as OpenAPI schema, responses and examples. */
final class OpenApiProblems {

  /** Problem type slug → when it is answered; each becomes a documented response. */
  static final Map<String, String> TYPES = types();

  /** Status → an example problem of that status, shown in every response of it. */
  static final Map<String, Map<String, Object>> EXAMPLES = Map.of(
      "400", Map.of("type", Problems.TYPE_BASE + "malformed-request", "title", "Malformed request", "status", 400,
          "detail", "The request body's field 'createdAt' is not a field you can set here (unknown or read-only)",
          "errors", List.of(Map.of("field", "createdAt", "message", "is not a field you can set here (unknown or read-only)"))),
      "404", Map.of("type", Problems.TYPE_BASE + "not-found", "title", "Not found", "status", 404,
          "detail", "No such service: 6f1c…"),
      "412", Map.of("type", Problems.TYPE_BASE + "precondition-failed", "title", "Precondition failed", "status", 412,
          "detail", "The resource changed since you read it (If-Match \"a1b2…\", current \"c3d4…\"); read it again and retry"),
      "422", Map.of("type", Problems.TYPE_BASE + "idempotency-key-reused", "title", "Idempotency-Key reused", "status", 422,
          "detail", "This Idempotency-Key was used for a different request (POST /api/v1/keys with another body); use a new key"));

  private OpenApiProblems() {}

  static void add(ApiResponses responses, String code, String description) {
    if (responses.containsKey(code)) {
      return;
    }
    MediaType media = new MediaType().schema(new Schema<>().$ref("#/components/schemas/Problem"));
    Map<String, Object> example = EXAMPLES.get(code);
    if (example != null) {
      media.addExamples(String.valueOf(example.get("type")).substring(Problems.TYPE_BASE.length()), new Example().value(example));
    }
    responses.addApiResponse(code, new ApiResponse().description(description)
        .content(new Content().addMediaType("application/problem+json", media)));
  }

  @SuppressWarnings("rawtypes")
  static Schema schema() {
    Schema<?> type = new StringSchema().format("uri")
        ._enum(TYPES.keySet().stream().map(s -> Problems.TYPE_BASE + s).toList())
        .description(String.join("; ", TYPES.entrySet().stream().map(e -> e.getKey() + ": " + e.getValue()).toList()));
    Schema<?> fieldError = new ObjectSchema()
        .addProperty("field", new StringSchema().example("steps[1].dependsOn"))
        .addProperty("message", new StringSchema());
    Schema<Object> problem = new ObjectSchema();
    problem.setExample(EXAMPLES.get("400"));
    return problem
        .description("RFC 9457 problem details")
        .addProperty("type", type)
        .addProperty("title", new StringSchema())
        .addProperty("status", new IntegerSchema())
        .addProperty("detail", new StringSchema())
        .addProperty("instance", new StringSchema().format("uri"))
        .addProperty("errors", new ArraySchema().items(fieldError).description("validation-error and malformed-request"))
        .required(List.of("type", "title", "status"));
  }

  private static Map<String, String> types() {
    Map<String, String> types = new LinkedHashMap<>();
    types.put("validation-error", "400, fields rejected, see errors (also bad page, size or sort)");
    types.put("malformed-request", "400, not valid JSON, or unknown, read-only or mistyped body fields, see errors");
    types.put("bad-request", "400, other bad input");
    types.put("unauthorized", "401, no or bad credential");
    types.put("forbidden", "403, the role does not allow it");
    types.put("tenant-suspended", "403, the tenant is suspended and read-only");
    types.put("not-found", "404, no such resource for this tenant");
    types.put("method-not-allowed", "405");
    types.put("conflict", "409, clashes with existing data");
    types.put("idempotency-in-progress", "409, the first request with this Idempotency-Key still runs");
    types.put("precondition-failed", "412, If-Match is stale");
    types.put("unsupported-media-type", "415");
    types.put("idempotency-key-reused", "422, the Idempotency-Key was used with another request");
    types.put("too-many-requests", "429, a throttle refused it, see Retry-After (password reset requests)");
    types.put("service-unavailable", "503, a service the portal depends on is down");
    types.put("not-configured", "503, this installation has not set the feature up (password reset without SMTP)");
    types.put("internal-error", "500");
    return types;
  }
}
