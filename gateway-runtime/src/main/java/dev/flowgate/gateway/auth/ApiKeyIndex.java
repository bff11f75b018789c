package dev.flowgate.gateway.auth;

import dev.flowgate.contracts.config.GatewaySnapshot.ApiKey;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** Keys by secret digest: each key's current digest, and its previous one while rotating. */
public final class ApiKeyIndex {

  /** @param previous whether the digest is a rotated-out secret, valid only in its grace period */
  public record Candidate(ApiKey key, boolean previous) {}

  private final Map<String, Candidate> byDigest;

  private ApiKeyIndex(Map<String, Candidate> byDigest) {
    this.byDigest = byDigest;
  }

  /** @throws IllegalArgumentException when two keys share a digest */
  public static ApiKeyIndex of(List<ApiKey> keys) {
    Map<String, Candidate> byDigest = new HashMap<>();
    for (ApiKey key : keys) {
      put(byDigest, key.secretDigest(), new Candidate(key, false));
      if (key.previousSecretDigest() != null && !key.previousSecretDigest().isBlank()) {
        put(byDigest, key.previousSecretDigest(), new Candidate(key, true));
      }
    }
    return new ApiKeyIndex(Map.copyOf(byDigest));
  }

  private static void put(Map<String, Candidate> byDigest, String digest, Candidate candidate) {
    if (digest == null || digest.isBlank()) {
      throw new IllegalArgumentException("key " + candidate.key().id() + " has no digest");
    }
    if (byDigest.putIfAbsent(digest, candidate) != null) {
      throw new IllegalArgumentException("two keys share a digest (key " + candidate.key().id() + ")");
    }
  }

  public @Nullable Candidate find(String digest) {
    return byDigest.get(digest);
  }

  public int size() {
    return byDigest.size();
  }
}
