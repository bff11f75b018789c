package dev.flowgate.gateway.pipeline;

import dev.flowgate.contracts.config.GatewaySnapshot.RateLimit;
import dev.flowgate.gateway.auth.ApiKeyAuthenticator;
import dev.flowgate.gateway.auth.JwtVerifier;
import dev.flowgate.gateway.problems.Problem;
import dev.flowgate.gateway.proxy.UpstreamAddressGuard.Cidr;
import dev.flowgate.gateway.quota.QuotaBlocks;
import dev.flowgate.gateway.ratelimit.RateLimiter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/** The stages every request runs through before it is forwarded, in order. */
public final class Pipeline {

  private final RequestStage[] stages;

  public Pipeline(List<RequestStage> stages) {
    this.stages = stages.toArray(RequestStage[]::new);
  }

  /** Host tenant, credential, tenant consistency, route, scope; no size or rate limits. */
  public static Pipeline standard(String domain, ApiKeyAuthenticator authenticator) {
    return standard(domain, authenticator, Long.MAX_VALUE, null, new RateLimit(1000, 60));
  }

  /**
   * Path sanity, declared body size, host tenant, credential, tenant consistency, route, scope,
   * rate limits.
   *
   * @param limiter null when rate limits are switched off
   * @param defaultKeyLimit the limit of a key that has none of its own
   */
  public static Pipeline standard(
      String domain, ApiKeyAuthenticator authenticator, long maxBodyBytes, @Nullable RateLimiter limiter,
      RateLimit defaultKeyLimit) {
    return standard(domain, authenticator, maxBodyBytes, limiter, defaultKeyLimit, null);
  }

  /**
   * @param registry when given, authentication and rate limiting are timed as
   *     {@code flowgate_gateway_stage_duration_seconds{stage="auth"|"rate_limit"}}
   */
  public static Pipeline standard(
      String domain, ApiKeyAuthenticator authenticator, long maxBodyBytes, @Nullable RateLimiter limiter,
      RateLimit defaultKeyLimit, @Nullable MeterRegistry registry) {
    return standard(domain, authenticator, null, maxBodyBytes, limiter, defaultKeyLimit, registry);
  }

  /**
   * @param jwts verifies bearer JWTs on {@code jwt_auth} routes; null accepts API keys only
   */
  public static Pipeline standard(
      String domain, ApiKeyAuthenticator authenticator, @Nullable JwtVerifier jwts, long maxBodyBytes,
      @Nullable RateLimiter limiter, RateLimit defaultKeyLimit, @Nullable MeterRegistry registry) {
    return standard(domain, authenticator, jwts, List.of(), maxBodyBytes, limiter, defaultKeyLimit, registry);
  }

  /**
   * @param trustedProxies peers whose {@code X-Forwarded-For} names the client for {@code ip_filter}
   */
  public static Pipeline standard(
      String domain, ApiKeyAuthenticator authenticator, @Nullable JwtVerifier jwts, List<Cidr> trustedProxies,
      long maxBodyBytes, @Nullable RateLimiter limiter, RateLimit defaultKeyLimit, @Nullable MeterRegistry registry) {
    return standard(domain, authenticator, jwts, trustedProxies, maxBodyBytes, limiter, defaultKeyLimit, registry,
        null, Clock.systemUTC());
  }

  /**
   * @param quotas tenants billing has blocked; their calls get 429 after authentication, before
   *     rate limits (a refused call spends no tokens)
   */
  public static Pipeline standard(
      String domain, ApiKeyAuthenticator authenticator, @Nullable JwtVerifier jwts, List<Cidr> trustedProxies,
      long maxBodyBytes, @Nullable RateLimiter limiter, RateLimit defaultKeyLimit, @Nullable MeterRegistry registry,
      @Nullable QuotaBlocks quotas, Clock clock) {
    List<RequestStage> stages = new ArrayList<>(List.of(
        new RequestSanityStage(),
        new BodySizeStage(maxBodyBytes),
        new HostTenantStage(domain),
        timed("auth", new AuthenticationStage(authenticator, jwts != null), registry),
        new TenantStage(),
        new RoutingStage(),
        new IpFilterStage(trustedProxies),
        // timed inside: only calls that present a JWT, so the auth timer counts each call once
        new JwtStage(jwts, stageTimer("auth", registry)),
        new ScopeStage()));
    if (quotas != null) {
      stages.add(new QuotaStage(quotas, clock));
    }
    if (limiter != null) {
      stages.add(timed("rate_limit", new RateLimitStage(limiter, defaultKeyLimit), registry));
    }
    return new Pipeline(stages);
  }

  /**
   * Only who is calling: path sanity, host tenant, credential, tenant consistency. For the
   * gateway's own endpoints, which no route serves.
   */
  public static Pipeline tenantOnly(String domain, ApiKeyAuthenticator authenticator) {
    return new Pipeline(List.of(
        new RequestSanityStage(),
        new HostTenantStage(domain),
        new AuthenticationStage(authenticator, false),
        new TenantStage()));
  }

  private static @Nullable Timer stageTimer(String name, @Nullable MeterRegistry registry) {
    return registry == null ? null : Timer.builder("flowgate.gateway.stage.duration")
        .description("Time spent in a pipeline stage")
        .tag("stage", name)
        .publishPercentileHistogram()
        .minimumExpectedValue(Duration.ofNanos(500))
        .maximumExpectedValue(Duration.ofMillis(100))
        .register(registry);
  }

  private static RequestStage timed(String name, RequestStage stage, @Nullable MeterRegistry registry) {
    Timer timer = stageTimer(name, registry);
    if (timer == null) {
      return stage;
    }
    return exchange -> {
      long start = System.nanoTime();
      try {
        return stage.apply(exchange);
      } finally {
        timer.record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
      }
    };
  }

  /**
   * For pipelines without waiting stages (the JWT stage may wait for a JWKS).
   *
   * @return null when the request may be forwarded
   */
  public @Nullable Problem run(Exchange exchange) {
    for (RequestStage stage : stages) {
      Problem problem = stage.apply(exchange);
      if (exchange.takeAwaiting() != null) {
        throw new IllegalStateException("a stage waits; use run(exchange, then)");
      }
      if (problem != null) {
        return problem;
      }
    }
    return null;
  }

  /**
   * Runs the stages; one that waits for I/O (see {@link Exchange#await}) is run again on the
   * caller's event loop when it completes, without blocking it. {@code then} gets null when the
   * request may be forwarded, else the problem.
   */
  public void run(Exchange exchange, Consumer<@Nullable Problem> then) {
    run(exchange, 0, then);
  }

  private void run(Exchange exchange, int from, Consumer<@Nullable Problem> then) {
    for (int i = from; i < stages.length; i++) {
      Problem problem = stages[i].apply(exchange);
      CompletionStage<?> pending = exchange.takeAwaiting();
      if (pending != null) {
        int again = i;
        Context context = Vertx.currentContext();
        pending.whenComplete((result, error) -> {
          if (context == null) {
            run(exchange, again, then);
          } else {
            context.runOnContext(v -> run(exchange, again, then));
          }
        });
        return;
      }
      if (problem != null) {
        then.accept(problem);
        return;
      }
    }
    then.accept(null);
  }
}
