package dev.flowgate.gateway.ratelimit;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.redisson.Redisson;
import org.redisson.api.BatchOptions;
import org.redisson.api.BatchResult;
import org.redisson.api.RBatch;
import org.redisson.api.RScript;
import org.redisson.api.RScriptAsync;
import org.redisson.api.RedissonClient;
import org.redisson.client.codec.StringCodec;
import org.redisson.config.Config;

/**
 * Buckets in Redis, one hash per bucket ({@code tokens}, {@code ts}) plus a sorted set of the
 * gateways drawing on it. One batch per sync; each bucket is refilled, charged and read by one
 * Lua script on Redis's clock, so gateways' clocks never matter.
 */
final class RedisBucketStore implements BucketStore {

  /** KEYS: bucket hash, members zset. ARGV: capacity, window ms, consumed, instance, member ttl ms, active. */
  static final String SYNC_BUCKET = """
      local t = redis.call('TIME')
      local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
      local cap = tonumber(ARGV[1])
      local win = tonumber(ARGV[2])
      local ttl = tonumber(ARGV[5])
      local state = redis.call('HMGET', KEYS[1], 'tokens', 'ts')
      local tokens = tonumber(state[1])
      local ts = tonumber(state[2])
      if tokens == nil or ts == nil then tokens = cap; ts = now end
      if now > ts then tokens = tokens + (now - ts) * cap / win; ts = now end
      tokens = math.max(-cap, math.min(cap, tokens) - tonumber(ARGV[3]))
      redis.call('HSET', KEYS[1], 'tokens', tostring(tokens), 'ts', tostring(ts))
      redis.call('PEXPIRE', KEYS[1], win * 2 + 60000)
      redis.call('ZREMRANGEBYSCORE', KEYS[2], '-inf', now - ttl)
      local member = 0
      if redis.call('ZSCORE', KEYS[2], ARGV[4]) then member = 1 end
      if ARGV[6] == '1' then redis.call('ZADD', KEYS[2], now, ARGV[4]) end
      redis.call('PEXPIRE', KEYS[2], ttl * 2)
      return {tostring(tokens), redis.call('ZCARD', KEYS[2]), member}
      """;

  /** KEYS: gateways zset. ARGV: instance, ttl ms. */
  static final String SYNC_GATEWAY = """
      local t = redis.call('TIME')
      local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
      redis.call('ZADD', KEYS[1], now, ARGV[1])
      redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now - tonumber(ARGV[2]))
      redis.call('PEXPIRE', KEYS[1], tonumber(ARGV[2]) * 2)
      return redis.call('ZCARD', KEYS[1])
      """;

  private final RedissonClient redisson;
  private final String prefix;
  private final long timeoutMillis;
  private final long gatewayTtlMillis;
  private final long memberTtlMillis;

  /** @param memberTtl how long a gateway that stopped syncing still counts among the gateways */
  RedisBucketStore(String redisUrl, String prefix, Duration timeout, Duration memberTtl) {
    Config config = new Config();
    config.setLazyInitialization(true);
    config.setNettyThreads(2);
    config.setThreads(1);
    int millis = (int) timeout.toMillis();
    config.useSingleServer()
        .setAddress(redisUrl)
        .setConnectTimeout(millis)
        .setTimeout(millis)
        .setRetryAttempts(0)
        .setConnectionMinimumIdleSize(1)
        .setConnectionPoolSize(2)
        .setSubscriptionConnectionMinimumIdleSize(0)
        .setSubscriptionConnectionPoolSize(1)
        .setPingConnectionInterval(0);
    this.redisson = Redisson.create(config);
    this.prefix = prefix;
    this.timeoutMillis = millis;
    this.gatewayTtlMillis = memberTtl.toMillis();
    // a gateway stays a bucket's member for a while after its last call, so a key used every few
    // seconds is not treated as new (and held to the small first-touch allowance) each time
    this.memberTtlMillis = Math.max(10_000, memberTtl.toMillis());
  }

  @Override
  public Synced sync(String instanceId, List<Report> reports) {
    RBatch batch = redisson.createBatch(
        BatchOptions.defaults().responseTimeout(timeoutMillis, TimeUnit.MILLISECONDS).retryAttempts(0));
    RScriptAsync script = batch.getScript(StringCodec.INSTANCE);
    script.evalAsync(RScript.Mode.READ_WRITE, SYNC_GATEWAY, RScript.ReturnType.LONG,
        List.of(prefix + "gateways"), instanceId, Long.toString(gatewayTtlMillis));
    for (Report report : reports) {
      String key = prefix + "{" + report.limit().storeKey() + "}";
      script.evalAsync(RScript.Mode.READ_WRITE, SYNC_BUCKET, RScript.ReturnType.LIST,
          List.of(key, key + ":members"),
          Long.toString(report.limit().limit()),
          Long.toString(report.limit().windowSeconds() * 1000L),
          Long.toString(report.consumed()),
          instanceId,
          Long.toString(memberTtlMillis),
          report.active() ? "1" : "0");
    }
    BatchResult<?> result = batch.execute();
    List<?> responses = result.getResponses();
    int gateways = Integer.parseInt(String.valueOf(responses.get(0)));
    Map<String, Global> buckets = new HashMap<>();
    for (int i = 0; i < reports.size(); i++) {
      List<?> answer = (List<?>) responses.get(i + 1);
      buckets.put(reports.get(i).limit().storeKey(),
          new Global(Double.parseDouble(String.valueOf(answer.get(0))), Integer.parseInt(String.valueOf(answer.get(1))),
              "1".equals(String.valueOf(answer.get(2)))));
    }
    return new Synced(buckets, gateways);
  }

  @Override
  public void close() {
    redisson.shutdown(0, 2, TimeUnit.SECONDS);
  }
}
