package dev.flowgate.gateway.ratelimit;

/**
 * A gateway's local view of one shared bucket. Between syncs it may spend only its share of the
 * tokens the store last reported (global tokens / gateways drawing on the bucket), refilled at
 * its share of the rate, so gateways together never spend more than the bucket holds. Alone, or
 * while the store is down, its share is the whole bucket. Thread-safe: event loops share it.
 */
final class TokenBucket {

  private static final long NANOS_PER_SECOND = 1_000_000_000L;

  private final Limit limit;
  private final double capacity;
  private final double ratePerNano;

  private double share;
  private double shareRatePerNano;
  private long shareAt;
  private double global;
  private long globalAt;
  private long pending;
  private boolean active;
  private long syncedAt;
  private boolean synced;
  private long touchedAt;
  private long latest;

  /** @param gateways gateways known to share the store; a new bucket starts with an even share */
  TokenBucket(Limit limit, long now, int gateways) {
    this.limit = limit;
    this.capacity = limit.limit();
    this.ratePerNano = capacity / ((double) limit.windowSeconds() * NANOS_PER_SECOND);
    int n = Math.max(1, gateways);
    this.share = n > 1 ? Math.min(capacity / n, allowance()) : capacity;
    this.shareRatePerNano = ratePerNano / n;
    this.shareAt = now;
    this.global = capacity;
    this.globalAt = now;
    this.touchedAt = now;
    this.latest = now;
  }

  Limit limit() {
    return limit;
  }

  /** Takes a token if this gateway's share holds one. */
  synchronized boolean tryTake(long now) {
    now = seen(now);
    touchedAt = now;
    active = true;
    double available = available(now);
    if (available < 1) {
      return false;
    }
    share = available - 1;
    shareAt = now;
    global = globalEstimate(now) - 1;
    globalAt = now;
    pending++;
    return true;
  }

  /** Gives back a token taken for a call another limit refused. */
  synchronized void refund(long now) {
    now = seen(now);
    share = Math.min(capacity, available(now) + 1);
    shareAt = now;
    global = Math.min(capacity, globalEstimate(now) + 1);
    globalAt = now;
    pending--;
  }

  synchronized long remaining(long now) {
    now = seen(now);
    return (long) Math.max(0, Math.min(available(now), globalEstimate(now)));
  }

  /** Seconds until the bucket is full again, as far as this gateway knows. */
  synchronized long resetSeconds(long now) {
    now = seen(now);
    if (capacity == 0) {
      return limit.windowSeconds();
    }
    return Math.min(limit.windowSeconds(), seconds((capacity - Math.max(0, globalEstimate(now))) / ratePerNano));
  }

  /** Seconds until this gateway's share holds a token again. */
  synchronized long retryAfterSeconds(long now) {
    now = seen(now);
    double missing = 1 - available(now);
    return missing <= 0 ? 0 : Math.max(1, Math.min(limit.windowSeconds(), seconds(missing / shareRatePerNano)));
  }

  /** Hands over what to report, and forgets it: the store now owns it. */
  synchronized BucketStore.Report report() {
    BucketStore.Report report = new BucketStore.Report(limit, pending, active);
    pending = 0;
    active = false;
    return report;
  }

  /**
   * Adopts the global state; calls taken since {@link #report()} come off this gateway's share.
   * A gateway new to the bucket (among several) gets only the small first-touch allowance until
   * its peers have synced once more and counted it.
   */
  synchronized void adopt(BucketStore.Global state, long now, int gateways) {
    now = seen(now);
    int members = Math.max(1, state.members());
    double even = Math.max(0, state.tokens()) / members;
    share = (state.wasMember() || gateways <= 1 ? even : Math.min(even, allowance())) - pending;
    shareRatePerNano = ratePerNano / members;
    shareAt = now;
    global = state.tokens() - pending;
    globalAt = now;
    syncedAt = now;
    synced = true;
  }

  /** The store is unreachable: enforce the whole limit here, and forget what was not reported. */
  synchronized void alone(long now) {
    now = seen(now);
    share = Math.max(available(now), Math.min(globalEstimate(now), capacity));
    shareRatePerNano = ratePerNano;
    shareAt = now;
    pending = 0;
    syncedAt = now;
    synced = true;
  }

  /**
   * Not synced since {@code staleAfterNanos}: what others spent meanwhile is unknown, so among
   * several gateways the share shrinks to the first-touch allowance until the next sync.
   */
  synchronized boolean clampIfStale(long now, long staleAfterNanos, int gateways) {
    now = seen(now);
    if (synced && now - syncedAt <= staleAfterNanos) {
      return false;
    }
    int n = Math.max(1, gateways);
    share = Math.min(available(now), n > 1 ? allowance() : capacity);
    shareRatePerNano = Math.min(shareRatePerNano, ratePerNano / n);
    shareAt = now;
    syncedAt = now;
    synced = true;
    return true;
  }

  synchronized boolean wantsSync(long now, long keepSyncingNanos) {
    now = seen(now);
    return active || pending != 0 || now - touchedAt <= keepSyncingNanos;
  }

  synchronized boolean idleSince(long now, long nanos) {
    now = seen(now);
    return now - touchedAt > nanos;
  }

  /**
   * The latest instant this bucket has seen. A caller may read the clock before another thread
   * (an event loop, or the sync thread adopting Redis's state) moves the bucket on; taken as is,
   * its earlier instant would un-refill the bucket and cost a fraction of a token, enough to
   * report one token less or refuse a call that fits the limit exactly.
   */
  private long seen(long now) {
    if (now > latest) {
      latest = now;
    }
    return latest;
  }

  /**
   * What a gateway may spend before Redis has told it anything: 2.5% of the bucket (at least one
   * call), so that two gateways starting on a bucket at once overshoot it by at most 5%.
   */
  private double allowance() {
    return capacity == 0 ? 0 : Math.max(1, Math.floor(capacity * 0.025));
  }

  private double available(long now) {
    return Math.min(capacity, share + (now - shareAt) * shareRatePerNano);
  }

  private double globalEstimate(long now) {
    return Math.min(capacity, global + (now - globalAt) * ratePerNano);
  }

  private static long seconds(double nanos) {
    if (Double.isInfinite(nanos) || Double.isNaN(nanos)) {
      return Long.MAX_VALUE / NANOS_PER_SECOND;
    }
    return (long) Math.ceil(nanos / NANOS_PER_SECOND);
  }
}
