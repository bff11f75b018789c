package dev.flowgate.gateway.auth;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyType;
import com.nimbusds.jose.jwk.KeyUse;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.function.LongSupplier;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Public keys per JWKS URI, shared by every event loop. A lookup never waits: it answers the key,
 * or that the key is unknown, or that the JWKS is unavailable, or a stage that completes when the
 * fetch it started (or joined) ends. An unknown {@code kid} refetches the JWKS at most once per
 * {@code refetchInterval}, and the document is parsed off the event loop; a failed fetch is retried after at most {@code retryAfterFailure}; a
 * JWKS older than {@code ttl} is refreshed in the background while its keys keep serving.
 */
public final class JwksCache {

  private static final Logger log = LoggerFactory.getLogger(JwksCache.class);

  /** Fetches a JWKS document off the event loop; must never block the caller. */
  @FunctionalInterface
  public interface Fetcher {
    CompletionStage<String> fetch(URI uri);
  }

  /** Exactly one of: a key, a pending fetch, or neither ({@code unavailable} says why). */
  public record Lookup(@Nullable JWK key, @Nullable CompletionStage<?> pending, boolean unavailable) {}

  private final Fetcher fetcher;
  private final long refetchNanos;
  private final long retryNanos;
  private final long ttlNanos;
  private final LongSupplier nanoTime;
  private final Executor parser;
  private final Map<URI, Entry> entries = new ConcurrentHashMap<>();

  /** Parses fetched documents on the thread that completes the fetch (tests). */
  public JwksCache(Fetcher fetcher, Duration refetchInterval, Duration ttl, LongSupplier nanoTime) {
    this(fetcher, refetchInterval, ttl, nanoTime, Runnable::run);
  }

  /** @param parser where fetched documents are parsed into keys: not an event loop */
  public JwksCache(Fetcher fetcher, Duration refetchInterval, Duration ttl, LongSupplier nanoTime, Executor parser) {
    this.parser = parser;
    this.fetcher = fetcher;
    this.refetchNanos = refetchInterval.toNanos();
    this.retryNanos = Math.min(refetchNanos, Duration.ofSeconds(5).toNanos());
    this.ttlNanos = ttl.toNanos();
    this.nanoTime = nanoTime;
  }

  public Lookup find(URI uri, @Nullable String kid, JWSAlgorithm algorithm) {
    Entry entry = entries.computeIfAbsent(uri, u -> new Entry());
    long now = nanoTime.getAsLong();
    JWKSet keys = entry.keys;
    JWK key = keys == null ? null : select(keys, kid, algorithm);
    synchronized (entry) {
      if (key != null) {
        if (now - entry.fetchedAt > ttlNanos && entry.inflight == null) {
          start(uri, entry, now);
        }
        return new Lookup(key, null, false);
      }
      if (entry.inflight != null) {
        return new Lookup(null, entry.inflight, false);
      }
      long wait = entry.lastFailed ? retryNanos : refetchNanos;
      if (entry.attempted && now - entry.lastAttempt < wait) {
        return new Lookup(null, null, keys == null);
      }
      return new Lookup(null, start(uri, entry, now), false);
    }
  }

  private CompletionStage<?> start(URI uri, Entry entry, long now) {
    CompletableFuture<Void> done = new CompletableFuture<>();
    entry.inflight = done;
    entry.attempted = true;
    entry.lastAttempt = now;
    CompletionStage<String> fetched;
    try {
      fetched = fetcher.fetch(uri);
    } catch (RuntimeException e) {
      fetched = CompletableFuture.failedFuture(e);
    }
    fetched.whenCompleteAsync((body, error) -> {
      JWKSet parsed = null;
      Throwable failure = error;
      if (failure == null) {
        try {
          parsed = JWKSet.parse(body).toPublicJWKSet();
        } catch (java.text.ParseException | RuntimeException e) {
          failure = e;
        }
      }
      synchronized (entry) {
        if (parsed != null) {
          entry.keys = parsed;
          entry.fetchedAt = nanoTime.getAsLong();
          entry.lastFailed = false;
        } else {
          entry.lastFailed = true;
          log.warn("JWKS {} could not be fetched: {}", uri, String.valueOf(failure));
        }
        entry.inflight = null;
      }
      done.complete(null);
    }, parser);
    return done;
  }

  /** By {@code kid}; without one, the only signing key of the algorithm's type. */
  static @Nullable JWK select(JWKSet keys, @Nullable String kid, JWSAlgorithm algorithm) {
    KeyType type = KeyType.forAlgorithm(algorithm);
    if (kid != null) {
      JWK key = keys.getKeyByKeyId(kid);
      return key != null && type.equals(key.getKeyType()) && signing(key) ? key : null;
    }
    JWK only = null;
    for (JWK key : keys.getKeys()) {
      if (type.equals(key.getKeyType()) && signing(key)) {
        if (only != null) {
          return null;
        }
        only = key;
      }
    }
    return only;
  }

  private static boolean signing(JWK key) {
    return key.getKeyUse() == null || KeyUse.SIGNATURE.equals(key.getKeyUse());
  }

  private static final class Entry {
    volatile @Nullable JWKSet keys;
    long fetchedAt;
    long lastAttempt;
    boolean attempted;
    boolean lastFailed;
    @Nullable CompletableFuture<Void> inflight;
  }
}
