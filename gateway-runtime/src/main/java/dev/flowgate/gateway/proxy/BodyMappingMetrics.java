package dev.flowgate.gateway.proxy;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code flowgate.gateway.body.mapping{direction, outcome}}: bodies a {@code body} mapping changed
 * ({@code mapped}) or let pass unchanged ({@code not_json}, {@code too_large}, {@code invalid_json},
 * {@code encoded}); a pass-through is also logged at debug with the request id.
 */
final class BodyMappingMetrics {

  private static final Logger log = LoggerFactory.getLogger(BodyMappingMetrics.class);

  enum Outcome { MAPPED, NOT_JSON, TOO_LARGE, INVALID_JSON, ENCODED }

  private final Counter[] request;
  private final Counter[] response;

  BodyMappingMetrics(MeterRegistry registry) {
    this.request = counters(registry, "request");
    this.response = counters(registry, "response");
  }

  void request(String requestId, Outcome outcome) {
    count(request, "request", requestId, outcome);
  }

  void response(String requestId, Outcome outcome) {
    count(response, "response", requestId, outcome);
  }

  private static void count(Counter[] counters, String direction, String requestId, Outcome outcome) {
    counters[outcome.ordinal()].increment();
    if (outcome != Outcome.MAPPED) {
      log.debug("Request {}: {} body passed unmapped ({})", requestId, direction, outcome);
    }
  }

  private static Counter[] counters(MeterRegistry registry, String direction) {
    Outcome[] outcomes = Outcome.values();
    Counter[] counters = new Counter[outcomes.length];
    for (Outcome outcome : outcomes) {
      counters[outcome.ordinal()] = Counter.builder("flowgate.gateway.body.mapping")
          .description("Bodies of routes with a body mapping, by what happened to them")
          .tag("direction", direction)
          .tag("outcome", outcome.name().toLowerCase(java.util.Locale.ROOT))
          .register(registry);
    }
    return counters;
  }
}
