package dev.flowgate.gateway.proxy;

import dev.flowgate.contracts.config.GatewaySnapshot.Service;
import dev.flowgate.gateway.config.GatewayProperties;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreaker.State;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig.SlidingWindowType;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;

/**
 * One Resilience4j circuit breaker per upstream service: opens at more than the configured
 * failure rate over a time window (with a minimum of calls) or after consecutive timeouts;
 * half-open after the wait with a few probes. A 4xx is the upstream working, never a failure.
 * State is exported as {@code flowgate_gateway_circuit_breaker_state{service,name}}
 * (0 closed, 1 open, 2 half-open).
 */
final class UpstreamBreakers {

  private final CircuitBreakerConfig config;
  private final GatewayProperties.CircuitBreaker settings;
  private final MeterRegistry registry;
  private final Map<UUID, Breaker> breakers = new ConcurrentHashMap<>();

  UpstreamBreakers(GatewayProperties.CircuitBreaker settings, MeterRegistry registry) {
    this.settings = settings;
    this.registry = registry;
    this.config = CircuitBreakerConfig.custom()
        .slidingWindowType(SlidingWindowType.TIME_BASED)
        .slidingWindowSize((int) Math.max(1, settings.window().toSeconds()))
        .minimumNumberOfCalls(settings.minimumCalls())
        // "more than" the rate: exactly the threshold keeps the breaker closed
        .failureRateThreshold(Math.nextUp(settings.failureRatePercent()))
        .waitDurationInOpenState(settings.waitInOpen())
        .permittedNumberOfCallsInHalfOpenState(settings.halfOpenCalls())
        .automaticTransitionFromOpenToHalfOpenEnabled(false)
        .writableStackTraceEnabled(false)
        .build();
  }

  /** @return null while the service's breaker is open: answer 503 without calling it */
  @Nullable Call acquire(Service service) {
    if (!settings.enabled()) {
      return new Call(null, System.nanoTime());
    }
    Breaker breaker = breakers.computeIfAbsent(service.id(), id -> create(service));
    return breaker.circuit.tryAcquirePermission() ? new Call(breaker, System.nanoTime()) : null;
  }

  int retryAfterSeconds() {
    return (int) Math.max(1, settings.waitInOpen().toSeconds());
  }

  @Nullable State state(UUID serviceId) {
    Breaker breaker = breakers.get(serviceId);
    return breaker == null ? null : breaker.circuit.getState();
  }

  private Breaker create(Service service) {
    CircuitBreaker circuit = CircuitBreaker.of(service.id().toString(), config);
    Breaker breaker = new Breaker(circuit, new AtomicInteger());
    Gauge.builder("flowgate.gateway.circuit.breaker.state", circuit, c -> switch (c.getState()) {
          case CLOSED -> 0;
          case OPEN, FORCED_OPEN -> 1;
          case HALF_OPEN -> 2;
          default -> 3;
        })
        .description("Circuit breaker per upstream service: 0 closed, 1 open, 2 half-open")
        .tags("service", service.id().toString(), "name", service.name())
        .register(registry);
    return breaker;
  }

  private record Breaker(CircuitBreaker circuit, AtomicInteger timeoutsInRow) {}

  /** One permitted upstream call; exactly one of its methods must be called. */
  final class Call {
    private final @Nullable Breaker breaker;
    private final long start;

    private Call(@Nullable Breaker breaker, long start) {
      this.breaker = breaker;
      this.start = start;
    }

    /** The upstream answered: 5xx counts as a failure, anything else as a success. */
    void answered(int status) {
      if (breaker == null) {
        return;
      }
      breaker.timeoutsInRow.set(0);
      long took = System.nanoTime() - start;
      if (status >= 500) {
        breaker.circuit.onError(took, TimeUnit.NANOSECONDS, new UpstreamStatusException(status));
      } else {
        breaker.circuit.onSuccess(took, TimeUnit.NANOSECONDS);
      }
    }

    /** The call failed: refused, reset, or timed out. */
    void failed(Throwable failure, boolean timeout) {
      if (breaker == null) {
        return;
      }
      breaker.circuit.onError(System.nanoTime() - start, TimeUnit.NANOSECONDS, failure);
      if (!timeout) {
        breaker.timeoutsInRow.set(0);
      } else if (breaker.timeoutsInRow.incrementAndGet() >= settings.consecutiveTimeouts()) {
        breaker.timeoutsInRow.set(0);
        if (breaker.circuit.getState() != State.OPEN) {
          try {
            breaker.circuit.transitionToOpenState();
          } catch (RuntimeException alreadyMoved) {
            // another event loop opened it first
          }
        }
      }
    }

    /** The call ended for a reason that says nothing about the upstream (the caller left, 413). */
    void released() {
      if (breaker != null) {
        breaker.circuit.releasePermission();
      }
    }
  }

  /** A 5xx answer, recorded as the breaker's failure. */
  static final class UpstreamStatusException extends RuntimeException {
    UpstreamStatusException(int status) {
      super("upstream answered " + status, null, false, false);
    }
  }

}
