package dev.flowgate.portal.base.web;

import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.responses.ApiResponse;

/** The shared headers of the API ({@code Idempotency-Key}, {@code ETag}, {@code Link}) in the OpenAPI document. */
final class OpenApiHeaders {

  private OpenApiHeaders() {}

  static void idempotencyKey(Operation operation) {
    boolean present = operation.getParameters() != null
        && operation.getParameters().stream().anyMatch(p -> IdempotencyFilter.HEADER.equalsIgnoreCase(p.getName()));
    if (!present) {
      operation.addParametersItem(new Parameter().in("header").name(IdempotencyFilter.HEADER).required(false)
          .description("Makes a retry safe: the same key and body within 24 hours replays the first answer")
          .schema(new StringSchema().maxLength(255).example("3f9a2c1e-7b7d-4c59-9d0e-1a2b3c4d5e6f")));
    }
  }

  /** ETag on a single resource, X-Total-Count and Link on a list. */
  static void get(String path, Operation operation) {
    ApiResponse ok = operation.getResponses() == null ? null : operation.getResponses().get("200");
    if (ok == null) {
      return;
    }
    boolean list = operation.getParameters() != null
        && operation.getParameters().stream().anyMatch(p -> "page".equals(p.getName()));
    if (list) {
      ok.addHeaderObject("X-Total-Count", new Header().description("items in the whole list").schema(new IntegerSchema()));
      ok.addHeaderObject("Link", new Header().description("RFC 8288 links: rel first, prev, next, last")
          .schema(new StringSchema().example("</api/v1/keys?size=20&page=1>; rel=\"next\", </api/v1/keys?size=20&page=0>; rel=\"first\"")));
    } else if (path.contains("{")) {
      ok.addHeaderObject("ETag", new Header().description("strong tag of this state; send it as If-Match to change it")
          .schema(new StringSchema().example("\"9b2f6c0d1e4a7b3c8d5e2f1a0b9c8d7e\"")));
    }
  }
}
