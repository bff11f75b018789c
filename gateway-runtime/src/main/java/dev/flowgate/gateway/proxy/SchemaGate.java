package dev.flowgate.gateway.proxy;

import dev.flowgate.gateway.pipeline.Exchange;
import dev.flowgate.gateway.policies.SchemaValidation;
import dev.flowgate.gateway.policies.SchemaValidation.Violation;
import dev.flowgate.gateway.problems.Problem;
import dev.flowgate.gateway.problems.ProblemType;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The {@code json_schema_validation} policy at call time: a request with a body (and every POST,
 * PUT and PATCH) is read whole and checked before anything reaches the upstream; a mismatch is
 * answered 400 {@code request-schema-violation} with each failing JSON pointer in {@code errors}.
 * Validation runs on the event loop: it is CPU only, bounded by the body size limit.
 */
final class SchemaGate {

  private static final Set<HttpMethod> WITH_BODY = Set.of(HttpMethod.POST, HttpMethod.PUT, HttpMethod.PATCH);

  private final long maxBodyBytes;
  private final Counter refused;

  SchemaGate(long maxBodyBytes, MeterRegistry registry) {
    this.maxBodyBytes = maxBodyBytes;
    this.refused = Counter.builder("flowgate.gateway.schema.refused")
        .description("Requests refused by a json_schema_validation policy").register(registry);
  }

  /** Runs {@code next} when the route has no schema or the body matches it; else answers 400. */
  void check(HttpServerRequest request, Exchange exchange, Runnable next) {
    SchemaValidation schema = Objects.requireNonNull(exchange.match()).policies().schema();
    if (schema == null || !(WITH_BODY.contains(request.method()) || declaresBody(request))) {
      next.run();
      return;
    }
    RequestBody.read(request, exchange, maxBodyBytes).onSuccess(body -> {
      List<Violation> violations = schema.validate(body.getBytes());
      if (violations.isEmpty()) {
        next.run();
        return;
      }
      refused.increment();
      Violation first = violations.getFirst();
      String where = first.pointer().isEmpty() ? "the body" : first.pointer();
      ProblemResponder.respond(request, exchange, new Problem(ProblemType.REQUEST_SCHEMA_VIOLATION,
          "The request body does not match the route's schema: " + where + " " + first.message(), null,
          violations.stream().map(Violation::toMap).toList()));
    });
  }

  private static boolean declaresBody(HttpServerRequest request) {
    String length = request.getHeader("Content-Length");
    return (length != null && !length.equals("0")) || request.getHeader("Transfer-Encoding") != null;
  }
}
