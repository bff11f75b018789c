package dev.flowgate.gateway.ratelimit;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.LongSupplier;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decides calls against local {@link TokenBucket}s, never waiting for Redis, and syncs them with
 * the {@link BucketStore} in the background: every sync interval, and at once (at most every
 * 20 ms) when a bucket is new, stale, or refuses a call. Without a store it is purely local.
 */
public final class RateLimiter implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(RateLimiter.class);
  private static final long PROMPT_SYNC_GAP_NANOS = TimeUnit.MILLISECONDS.toNanos(20);

  private final @Nullable BucketStore store;
  private final long intervalNanos;
  private final LongSupplier nanoTime;
  private final String instanceId = UUID.randomUUID().toString();
  // keyed by the limit itself (id, size and window, as storeKey names it) so that no key string is built per call
  private final Map<Limit, TokenBucket> buckets = new ConcurrentHashMap<>();
  private final ScheduledExecutorService syncer;
  private final AtomicBoolean promptQueued = new AtomicBoolean();
  private volatile int gateways = 1;
  private volatile boolean storeUp;
  private volatile long lastSyncNanos;
  private volatile boolean started;

  RateLimiter(@Nullable BucketStore store, Duration syncInterval, LongSupplier nanoTime) {
    this.store = store;
    this.intervalNanos = syncInterval.toNanos();
    this.nanoTime = nanoTime;
    this.syncer = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread thread = new Thread(r, "flowgate-ratelimit-sync");
      thread.setDaemon(true);
      return thread;
    });
  }

  /** A limiter synced through Redis at {@code redisUrl}; it serves at once, Redis or not. */
  public static RateLimiter redis(String redisUrl, String keyPrefix, Duration syncInterval, Duration timeout) {
    RateLimiter limiter = new RateLimiter(
        new RedisBucketStore(redisUrl, keyPrefix, timeout, memberTtl(syncInterval)), syncInterval, System::nanoTime);
    limiter.start();
    return limiter;
  }

  /** A limiter for this gateway alone. */
  public static RateLimiter local() {
    return new RateLimiter(null, Duration.ofSeconds(1), System::nanoTime);
  }

  static Duration memberTtl(Duration syncInterval) {
    return syncInterval.multipliedBy(3).plusSeconds(1);
  }

  void start() {
    if (store != null) {
      started = true;
      syncer.scheduleWithFixedDelay(this::syncQuietly, 0, intervalNanos, TimeUnit.NANOSECONDS);
    }
  }

  /**
   * Takes a token from every bucket, or from none: a call refused by one limit costs nothing in
   * the others.
   *
   * @param limits at least one
   */
  public RateLimitDecision acquire(List<Limit> limits) {
    long now = nanoTime.getAsLong();
    TokenBucket[] taken = new TokenBucket[limits.size()];
    for (int i = 0; i < taken.length; i++) {
      TokenBucket bucket = bucket(limits.get(i), now);
      if (!bucket.tryTake(now)) {
        for (int j = 0; j < i; j++) {
          taken[j].refund(now);
        }
        requestSync(now);
        return new RateLimitDecision(false, bucket.limit(), 0, bucket.resetSeconds(now), bucket.retryAfterSeconds(now));
      }
      taken[i] = bucket;
    }
    TokenBucket tightest = taken[0];
    long remaining = tightest.remaining(now);
    for (int i = 1; i < taken.length; i++) {
      long r = taken[i].remaining(now);
      if (r < remaining || (r == remaining && taken[i].limit().limit() < tightest.limit().limit())) {
        tightest = taken[i];
        remaining = r;
      }
    }
    return new RateLimitDecision(true, tightest.limit(), remaining, tightest.resetSeconds(now), 0);
  }

  private TokenBucket bucket(Limit limit, long now) {
    TokenBucket bucket = buckets.get(limit);
    if (bucket == null) {
      bucket = buckets.computeIfAbsent(limit, k -> new TokenBucket(limit, now, storeUp ? gateways : 1));
    }
    if (store != null && storeUp && bucket.clampIfStale(now, staleAfterNanos(), gateways)) {
      requestSync(now);
    }
    return bucket;
  }

  private long staleAfterNanos() {
    return 3 * intervalNanos;
  }

  private void requestSync(long now) {
    if (started && storeUp && now - lastSyncNanos > PROMPT_SYNC_GAP_NANOS && promptQueued.compareAndSet(false, true)) {
      syncer.execute(() -> {
        promptQueued.set(false);
        syncQuietly();
      });
    }
  }

  private void syncQuietly() {
    try {
      syncNow();
    } catch (RuntimeException e) {
      log.debug("Rate-limit sync failed", e);
    }
  }

  /** One sync round; runs on the sync thread (tests call it directly). */
  void syncNow() {
    BucketStore target = store;
    if (target == null) {
      return;
    }
    long now = nanoTime.getAsLong();
    lastSyncNanos = now;
    long keepSyncing = Math.max(TimeUnit.SECONDS.toNanos(5), 10 * intervalNanos);
    List<TokenBucket> syncing = new ArrayList<>();
    List<BucketStore.Report> reports = new ArrayList<>();
    buckets.forEach((limit, bucket) -> {
      if (bucket.idleSince(now, Math.max(TimeUnit.SECONDS.toNanos(120),
          TimeUnit.SECONDS.toNanos(2L * bucket.limit().windowSeconds())))) {
        buckets.remove(limit, bucket);
      } else if (bucket.wantsSync(now, keepSyncing)) {
        syncing.add(bucket);
        reports.add(bucket.report());
      }
    });
    BucketStore.Synced synced;
    try {
      synced = target.sync(instanceId, reports);
    } catch (RuntimeException e) {
      if (storeUp) {
        log.warn("Redis unreachable ({}): enforcing rate limits locally", e.toString());
      }
      storeUp = false;
      gateways = 1;
      long after = nanoTime.getAsLong();
      syncing.forEach(bucket -> bucket.alone(after));
      return;
    }
    if (!storeUp) {
      log.info("Redis reachable: rate limits are shared with the other gateways");
    }
    storeUp = true;
    gateways = Math.max(1, synced.gateways());
    long after = nanoTime.getAsLong();
    for (TokenBucket bucket : syncing) {
      BucketStore.Global global = synced.buckets().get(bucket.limit().storeKey());
      if (global != null) {
        bucket.adopt(global, after, gateways);
      }
    }
  }

  /** Whether the last sync reached the store. */
  public boolean shared() {
    return storeUp;
  }

  /** Gateways sharing the store, this one included, as of the last sync. */
  public int gateways() {
    return gateways;
  }

  @Override
  public void close() {
    syncer.shutdownNow();
    try {
      syncer.awaitTermination(2, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    if (store != null) {
      store.close();
    }
  }
}
