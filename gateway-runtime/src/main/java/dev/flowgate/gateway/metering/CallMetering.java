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
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Records a completed call: {@code http_requests_total{tenant,route,method,status}},
 * {@code http_request_duration_seconds{tenant,route}} and, when the tenant is known, an
 * {@code api.calls} record. Tags are the tenant's slug and the route's name, {@code -} when none.
 */
public final class CallMetering {

  private static final String NONE = "-";

  private final MeterRegistry registry;
  private final ApiCallPublisher publisher;
  // Micrometer's builder + register() allocates the tags and an id and looks the meter up on
  // every call; the tag sets are few (tenants x routes x methods x statuses), so keep the meters
  private final Map<RequestTags, Counter> requests = new ConcurrentHashMap<>();
  private final Map<DurationTags, Timer> durations = new ConcurrentHashMap<>();
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
    requests.computeIfAbsent(new RequestTags(tenantTag, routeTag, exchange.method(), status), this::requestCounter)
        .increment();
    durations.computeIfAbsent(new DurationTags(tenantTag, routeTag), this::durationTimer)
        .record(nanos, TimeUnit.NANOSECONDS);
    if (tenant != null) {
      publisher.publish(record(exchange, tenant, match, status, nanos / 1_000_000, requestBytes, responseBytes));
    }
  }

  private Counter requestCounter(RequestTags tags) {
    return Counter.builder("http.requests")
        .description("Calls through the gateway")
        .tags("tenant", tags.tenant(), "route", tags.route(), "method", tags.method(),
            "status", Integer.toString(tags.status()))
        .register(registry);
  }

  private Timer durationTimer(DurationTags tags) {
    return Timer.builder("http.request.duration")
        .description("Time from a call's arrival to the end of its response")
        .tags("tenant", tags.tenant(), "route", tags.route())
        .publishPercentileHistogram()
        .maximumExpectedValue(Duration.ofSeconds(60))
        .register(registry);
  }

  private record RequestTags(String tenant, String route, String method, int status) {}

  private record DurationTags(String tenant, String route) {}

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
    return new Envelope<>(EventIds.next(), call.eventType(), call.schemaVersion(), now, tenant.id(),
        exchange.requestId(), source, call);
  }
}
