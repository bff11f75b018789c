package dev.flowgate.bench.scg;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatusCode;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/** The same two meters Flowgate records per call: a counter by status and a latency histogram. */
@Component
class MetricsFilter implements GlobalFilter, Ordered {

  private final MeterRegistry registry;

  MetricsFilter(MeterRegistry registry) {
    this.registry = registry;
  }

  @Override
  public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
    long start = System.nanoTime();
    return chain.filter(exchange).doFinally(signal -> {
      HttpStatusCode status = exchange.getResponse().getStatusCode();
      Counter.builder("http.requests")
          .tags("tenant", "bench", "route", "bench", "method", exchange.getRequest().getMethod().name(),
              "status", Integer.toString(status == null ? 200 : status.value()))
          .register(registry)
          .increment();
      Timer.builder("http.request.duration")
          .tags("tenant", "bench", "route", "bench")
          .publishPercentileHistogram()
          .maximumExpectedValue(Duration.ofSeconds(60))
          .register(registry)
          .record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
    });
  }

  @Override
  public int getOrder() {
    return Ordered.HIGHEST_PRECEDENCE;
  }
}
