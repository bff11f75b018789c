package dev.flowgate.gateway.metering;

import dev.flowgate.contracts.Envelope;
import dev.flowgate.contracts.calls.ApiCallRecorded;
import dev.flowgate.contracts.config.GatewaySnapshot.ApiKey;
import dev.flowgate.contracts.config.GatewaySnapshot.Tenant;
import dev.flowgate.gateway.pipeline.Exchange;
import dev.flowgate.gateway.routing.RouteMatch;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Records a completed call: {@code http_requests_total{tenant,route,method,status}},
 * {@code http_request_duration_seconds{tenant,route}} and, when the tenant is known, an
 * {@code api.calls} record. Tags are the tenant's slug and the route's name, {@code -} when none.
 */
public final class CallMetering {

  private static final String NONE = "-";

  private final MeterRegistry registry;
  private final ApiCallPublisher publisher;
  private final Clock clock;
  private final String source;

  public CallMetering(MeterRegistry registry, ApiCallPublisher publisher, Clock clock, String source) {
    this.registry = registry;
    this.publisher = publisher;
    this.clock = clock;
    this.source = source;
  }

  public void completed(Exchange exchange, int status, long requestBytes, long responseBytes) {
    long nanos = System.nanoTime() - exchange.startNanos();
    Tenant tenant = exchange.tenant();
    RouteMatch match = exchange.match();
    String tenantTag = tenant == null ? NONE : tenant.slug();
    String routeTag = match == null ? NONE : match.route().name();
    Counter.builder("http.requests")
        .description("Calls through the gateway")
        .tags("tenant", tenantTag, "route", routeTag, "method", exchange.method(), "status", Integer.toString(status))
        .register(registry)
        .increment();
    Timer.builder("http.request.duration")
        .description("Time from a call's arrival to the end of its response")
        .tags("tenant", tenantTag, "route", routeTag)
        .publishPercentileHistogram()
        .maximumExpectedValue(Duration.ofSeconds(60))
        .register(registry)
        .record(nanos, java.util.concurrent.TimeUnit.NANOSECONDS);
    if (tenant != null) {
      publisher.publish(record(exchange, tenant, match, status, nanos / 1_000_000, requestBytes, responseBytes));
    }
  }

  private Envelope<ApiCallRecorded> record(
      Exchange exchange, Tenant tenant, RouteMatch match, int status, long latencyMs, long requestBytes,
      long responseBytes) {
    Instant now = clock.instant();
    ApiKey key = exchange.key();
    ApiCallRecorded call =
        new ApiCallRecorded(
            exchange.requestId(),
            tenant.id(),
            key == null ? null : key.id(),
            match == null ? null : match.route().id(),
            match == null ? null : match.service().id(),
            exchange.method(),
            exchange.path(),
            status,
            latencyMs,
            requestBytes,
            responseBytes,
            exchange.clientIp(),
            now);
    return Envelope.of(call, tenant.id(), exchange.requestId(), source, now);
  }
}
