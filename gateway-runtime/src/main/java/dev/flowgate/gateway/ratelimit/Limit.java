package dev.flowgate.gateway.ratelimit;

/**
 * One limit that applies to a call: {@code limit} calls per {@code windowSeconds}, as a token
 * bucket of that capacity refilled evenly over the window.
 *
 * @param id the bucket, shared by every gateway ({@code key:<id>}, {@code route:<id>}, {@code plan:<tenant>})
 */
public record Limit(String id, long limit, int windowSeconds) {

  public Limit {
    if (limit < 0 || windowSeconds <= 0) {
      throw new IllegalArgumentException("limit >= 0 and windowSeconds > 0 required");
    }
  }

  /** The bucket's name in Redis: a changed limit or window starts a new bucket. */
  String storeKey() {
    return id + ":" + limit + "/" + windowSeconds;
  }
}
