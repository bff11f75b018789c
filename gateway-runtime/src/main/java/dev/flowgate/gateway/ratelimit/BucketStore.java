package dev.flowgate.gateway.ratelimit;

import java.util.List;
import java.util.Map;

/** Where gateways meet: consumption is reported and the global state of each bucket read back. */
interface BucketStore extends AutoCloseable {

  /**
   * Reports what this gateway consumed since its last report and reads every bucket's state,
   * atomically per bucket. Blocking; called from the sync thread only.
   *
   * @throws RuntimeException when the store is unreachable or slow
   */
  Synced sync(String instanceId, List<Report> reports);

  @Override
  void close();

  /**
   * @param consumed calls allowed here since the last report
   * @param active whether this gateway wants tokens from the bucket (it saw calls since the last report)
   */
  record Report(Limit limit, long consumed, boolean active) {}

  /**
   * @param tokens the bucket's tokens, refilled to now; negative when gateways overshot
   * @param members gateways that drew on the bucket recently, this one included when active
   * @param wasMember whether this gateway already drew on it before this report; a newcomer's
   *     peers still hold shares computed without it, so it starts small
   */
  record Global(double tokens, int members, boolean wasMember) {}

  /** @param gateways gateways syncing with the store recently, this one included */
  record Synced(Map<String, Global> buckets, int gateways) {}
}
