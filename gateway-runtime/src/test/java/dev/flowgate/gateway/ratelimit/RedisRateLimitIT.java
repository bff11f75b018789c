package dev.flowgate.gateway.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flowgate.gateway.support.GatewayInstance;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Two limiters, as two gateways would hold them, sharing limits through the real Redis on 6379. */
class RedisRateLimitIT {

  private static final String REDIS = "redis://127.0.0.1:6379";
  private final String prefix = "flowgate:rl:it-" + UUID.randomUUID() + ":";
  private RateLimiter first;
  private RateLimiter second;

  @AfterEach
  void close() {
    if (first != null) {
      first.close();
    }
    if (second != null) {
      second.close();
    }
  }

  private void startTwo() throws InterruptedException {
    first = RateLimiter.redis(REDIS, prefix, Duration.ofMillis(200), Duration.ofMillis(500));
    second = RateLimiter.redis(REDIS, prefix, Duration.ofMillis(200), Duration.ofMillis(500));
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
    while (first.gateways() < 2 || second.gateways() < 2) {
      assertThat(System.nanoTime()).as("both limiters see each other in Redis").isLessThan(deadline);
      Thread.sleep(20);
    }
  }

  /** Calls {@code acquire} every ~0.2 ms for the duration; answers how many were allowed. */
  private static CompletableFuture<Integer> hammer(RateLimiter limiter, Limit limit, Duration duration) {
    return CompletableFuture.supplyAsync(() -> {
      int allowed = 0;
      long end = System.nanoTime() + duration.toNanos();
      while (System.nanoTime() < end) {
        if (limiter.acquire(List.of(limit)).allowed()) {
          allowed++;
        }
        LockSupport.parkNanos(200_000);
      }
      return allowed;
    });
  }

  @Test
  void two_gateways_hammering_one_limit_overshoot_it_by_at_most_five_percent_and_use_most_of_it() throws Exception {
    startTwo();
    Limit limit = new Limit("key:" + UUID.randomUUID(), 300, 10);
    long started = System.nanoTime();

    CompletableFuture<Integer> a = hammer(first, limit, Duration.ofSeconds(3));
    CompletableFuture<Integer> b = hammer(second, limit, Duration.ofSeconds(3));
    int total = a.get(10, TimeUnit.SECONDS) + b.get(10, TimeUnit.SECONDS);

    double seconds = (System.nanoTime() - started) / 1e9;
    double allowedByLimit = 300 + seconds * 30;
    assertThat((double) total).isLessThanOrEqualTo(allowedByLimit * 1.05);
    assertThat((double) total).isGreaterThanOrEqualTo(allowedByLimit * 0.85);
    assertThat(a.get()).isPositive();
    assertThat(b.get()).isPositive();
  }

  @Test
  void a_burst_on_two_gateways_never_takes_more_than_the_bucket_holds() throws Exception {
    startTwo();
    Limit limit = new Limit("key:" + UUID.randomUUID(), 100, 60);

    CompletableFuture<Integer> a = hammer(first, limit, Duration.ofSeconds(2));
    CompletableFuture<Integer> b = hammer(second, limit, Duration.ofSeconds(2));
    int total = a.get(10, TimeUnit.SECONDS) + b.get(10, TimeUnit.SECONDS);

    // 100 in the bucket plus 2 s of refill at 100/min
    assertThat(total).isBetween(90, 105);
  }

  @Test
  void with_redis_unreachable_limits_are_enforced_locally_without_waiting_or_failing() throws Exception {
    first = RateLimiter.redis("redis://127.0.0.1:" + GatewayInstance.freePort(), prefix, Duration.ofMillis(200),
        Duration.ofMillis(300));
    Limit limit = new Limit("key:" + UUID.randomUUID(), 10, 60);
    first.acquire(List.of(new Limit("key:warm-up", 1, 60)));

    for (int i = 0; i < 10; i++) {
      long started = System.nanoTime();
      boolean allowed = first.acquire(List.of(limit)).allowed();
      long took = System.nanoTime() - started;
      assertThat(allowed).isTrue();
      // far below the 200 ms Redis timeout a call that waited on Redis would take; not a speed
      // figure (a busy machine stretched an earlier 20 ms bound)
      assertThat(took).isLessThan(TimeUnit.MILLISECONDS.toNanos(100));
    }
    assertThat(first.acquire(List.of(limit)).allowed()).isFalse();
    Thread.sleep(1000);

    assertThat(first.shared()).isFalse();
    RateLimitDecision refused = first.acquire(List.of(limit));
    assertThat(refused.allowed()).isFalse();
    assertThat(refused.retryAfterSeconds()).isBetween(1L, 60L);
  }
}
