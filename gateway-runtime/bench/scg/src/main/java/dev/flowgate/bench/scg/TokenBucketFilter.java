package dev.flowgate.bench.scg;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/** An in-memory token bucket per key (no Redis), with RateLimit-* headers, or 429. */
@Component
class TokenBucketFilter implements GlobalFilter, Ordered {

  private final ConcurrentMap<String, Bucket> buckets = new ConcurrentHashMap<>();
  private final long capacity;
  private final double tokensPerNano;

  TokenBucketFilter(BenchProperties bench) {
    this.capacity = bench.limit();
    this.tokensPerNano = (double) bench.limit() / (bench.windowSeconds() * 1e9);
  }

  @Override
  public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
    String keyId = exchange.getAttribute(ApiKeyFilter.KEY_ID);
    Bucket bucket = buckets.computeIfAbsent(keyId, k -> new Bucket(capacity));
    long remaining = bucket.take(capacity, tokensPerNano);
    var headers = exchange.getResponse().getHeaders();
    headers.set("RateLimit-Limit", Long.toString(capacity));
    headers.set("RateLimit-Remaining", Long.toString(Math.max(0, remaining)));
    if (remaining < 0) {
      exchange.getResponse().setStatusCode(HttpStatus.TOO_MANY_REQUESTS);
      return exchange.getResponse().setComplete();
    }
    return chain.filter(exchange);
  }

  @Override
  public int getOrder() {
    return Ordered.HIGHEST_PRECEDENCE + 20;
  }

  private static final class Bucket {
    private double tokens;
    private long refilledAt = System.nanoTime();

    Bucket(long capacity) {
      this.tokens = capacity;
    }

    /** @return tokens left after taking one, or -1 when none was there */
    synchronized long take(long capacity, double tokensPerNano) {
      long now = System.nanoTime();
      tokens = Math.min(capacity, tokens + (now - refilledAt) * tokensPerNano);
      refilledAt = now;
      if (tokens < 1) {
        return -1;
      }
      tokens -= 1;
      return (long) tokens;
    }
  }
}
