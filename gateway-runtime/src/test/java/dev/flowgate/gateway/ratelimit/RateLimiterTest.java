package dev.flowgate.gateway.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class RateLimiterTest {

  private final AtomicLong now = new AtomicLong(1_000_000_000L);
  private final Limit key = new Limit("key:k1", 10, 60);

  private RateLimiter limiter(BucketStore store) {
    return new RateLimiter(store, Duration.ofMillis(200), now::get);
  }

  private void advance(long millis) {
    now.addAndGet(TimeUnit.MILLISECONDS.toNanos(millis));
  }

  private static int allowed(RateLimiter limiter, List<Limit> limits, int calls) {
    int allowed = 0;
    for (int i = 0; i < calls; i++) {
      if (limiter.acquire(limits).allowed()) {
        allowed++;
      }
    }
    return allowed;
  }

  @Test
  void a_key_gets_exactly_its_limit_and_then_a_refusal_with_retry_after() {
    RateLimiter limiter = RateLimiter.local();

    assertThat(allowed(limiter, List.of(key), 10)).isEqualTo(10);
    RateLimitDecision refused = limiter.acquire(List.of(key));

    assertThat(refused.allowed()).isFalse();
    assertThat(refused.remaining()).isZero();
    assertThat(refused.retryAfterSeconds()).isBetween(1L, 6L);
  }

  @Test
  void tokens_refill_evenly_over_the_window() {
    RateLimiter limiter = new RateLimiter(null, Duration.ofSeconds(1), now::get);
    allowed(limiter, List.of(key), 10);

    advance(6_000);

    assertThat(allowed(limiter, List.of(key), 5)).isEqualTo(1);
    advance(60_000);
    assertThat(allowed(limiter, List.of(key), 20)).isEqualTo(10);
  }

  @Test
  void the_tightest_limit_fills_the_headers_and_each_limit_counts() {
    RateLimiter limiter = new RateLimiter(null, Duration.ofSeconds(1), now::get);
    Limit route = new Limit("route:r1", 3, 10);
    Limit plan = new Limit("plan:t1", 100, 60);

    RateLimitDecision first = limiter.acquire(List.of(key, route, plan));

    assertThat(first.allowed()).isTrue();
    assertThat(first.limit()).isEqualTo(route);
    assertThat(first.remaining()).isEqualTo(2);
    assertThat(first.resetSeconds()).isBetween(1L, 4L);
    allowed(limiter, List.of(key, route, plan), 2);
    RateLimitDecision refused = limiter.acquire(List.of(key, route, plan));
    assertThat(refused.allowed()).isFalse();
    assertThat(refused.limit()).isEqualTo(route);
  }

  @Test
  void a_call_refused_by_one_limit_costs_nothing_in_the_others() {
    RateLimiter limiter = new RateLimiter(null, Duration.ofSeconds(1), now::get);
    Limit empty = new Limit("route:none", 0, 60);

    for (int i = 0; i < 50; i++) {
      assertThat(limiter.acquire(List.of(key, empty)).allowed()).isFalse();
    }

    assertThat(allowed(limiter, List.of(key), 20)).isEqualTo(10);
  }

  @Test
  void a_gateway_spends_only_its_share_of_what_the_store_reports() {
    FakeStore store = new FakeStore();
    RateLimiter limiter = limiter(store);
    store.gateways = 2;
    store.global.put(key.storeKey(), new BucketStore.Global(8, 2, true));
    limiter.acquire(List.of(key));
    limiter.syncNow();

    assertThat(store.reported.get(key.storeKey())).isEqualTo(1);
    assertThat(allowed(limiter, List.of(key), 10)).isEqualTo(4);
  }

  @Test
  void among_several_gateways_a_new_bucket_starts_with_a_small_allowance_until_redis_answers() {
    FakeStore store = new FakeStore();
    store.gateways = 2;
    RateLimiter limiter = limiter(store);
    limiter.syncNow();
    Limit big = new Limit("key:big", 1000, 60);

    assertThat(allowed(limiter, List.of(big), 100)).isEqualTo(25);
    limiter.syncNow();
    assertThat(allowed(limiter, List.of(big), 1000)).isEqualTo(975);
  }

  @Test
  void a_newcomer_to_a_bucket_others_use_keeps_the_small_allowance_for_one_more_sync() {
    FakeStore store = new FakeStore();
    store.gateways = 2;
    RateLimiter limiter = limiter(store);
    limiter.syncNow();
    Limit big = new Limit("key:big", 1000, 60);
    store.global.put(big.storeKey(), new BucketStore.Global(600, 2, false));

    allowed(limiter, List.of(big), 1);
    limiter.syncNow();
    assertThat(allowed(limiter, List.of(big), 1000)).isEqualTo(25);
    store.global.put(big.storeKey(), new BucketStore.Global(575, 2, true));
    limiter.syncNow();
    assertThat(allowed(limiter, List.of(big), 1000)).isEqualTo(287);
  }

  @Test
  void a_single_gateway_is_never_held_back_by_the_first_touch_allowance() {
    FakeStore store = new FakeStore();
    RateLimiter limiter = limiter(store);
    limiter.syncNow();

    assertThat(allowed(limiter, List.of(new Limit("key:big", 1000, 60)), 1000)).isEqualTo(1000);
  }

  @Test
  void while_the_store_is_down_the_whole_limit_is_enforced_locally() {
    FakeStore store = new FakeStore();
    store.down = true;
    RateLimiter limiter = limiter(store);
    limiter.syncNow();

    assertThat(limiter.shared()).isFalse();
    assertThat(allowed(limiter, List.of(key), 15)).isEqualTo(10);
    limiter.syncNow();
    assertThat(limiter.acquire(List.of(key)).allowed()).isFalse();
  }

  // The event loop reads the clock, then the sync thread adopts Redis's answer stamped a little
  // later, then the event loop takes its token with the instant it read first: the test winds the
  // clock back to play that interleaving. That instant must not un-refill the bucket.

  @Test
  void a_sync_landing_between_a_calls_clock_read_and_its_token_never_costs_the_call_its_last_token() {
    FakeStore store = new FakeStore();
    RateLimiter limiter = limiter(store);
    Limit plan = new Limit("plan:small", 3, 60);
    allowed(limiter, List.of(plan), 2);
    advance(2);
    limiter.syncNow();
    advance(-1);

    assertThat(limiter.acquire(List.of(plan)).allowed()).isTrue();
    assertThat(limiter.acquire(List.of(plan)).allowed()).isFalse();
  }

  @Test
  void a_sync_landing_between_a_calls_clock_read_and_its_token_never_lowers_the_remaining_count() {
    FakeStore store = new FakeStore();
    RateLimiter limiter = limiter(store);
    Limit perMinute = new Limit("key:default", 1000, 60);
    assertThat(limiter.acquire(List.of(perMinute)).remaining()).isEqualTo(999);
    advance(2);
    limiter.syncNow();
    advance(-1);

    assertThat(limiter.acquire(List.of(perMinute)).remaining()).isEqualTo(998);
  }

  /** Reports are summed; answers are what the test put in {@code global}, else the limit less the reports. */
  private static final class FakeStore implements BucketStore {
    final Map<String, Global> global = new HashMap<>();
    final Map<String, Long> reported = new HashMap<>();
    int gateways = 1;
    boolean down;

    @Override
    public Synced sync(String instanceId, List<Report> reports) {
      if (down) {
        throw new IllegalStateException("connection refused");
      }
      Map<String, Global> answer = new HashMap<>();
      for (Report report : reports) {
        long spent = reported.merge(report.limit().storeKey(), report.consumed(), Long::sum);
        answer.put(report.limit().storeKey(),
            global.getOrDefault(report.limit().storeKey(), new Global(report.limit().limit() - spent, 1, true)));
      }
      return new Synced(answer, gateways);
    }

    @Override
    public void close() {}
  }
}
