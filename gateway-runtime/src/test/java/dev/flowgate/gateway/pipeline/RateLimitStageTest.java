package dev.flowgate.gateway.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flowgate.contracts.config.GatewaySnapshot.RateLimit;
import dev.flowgate.contracts.config.GatewaySnapshot.Service;
import dev.flowgate.contracts.config.GatewaySnapshot.Tenant;
import dev.flowgate.gateway.auth.ApiKeyAuthenticator;
import dev.flowgate.gateway.config.RuntimeConfig;
import dev.flowgate.gateway.problems.Problem;
import dev.flowgate.gateway.problems.ProblemType;
import dev.flowgate.gateway.ratelimit.Limit;
import dev.flowgate.gateway.ratelimit.RateLimiter;
import dev.flowgate.gateway.support.TestSnapshots;
import dev.flowgate.gateway.support.TestSnapshots.IssuedKey;
import io.vertx.core.MultiMap;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.Test;

class RateLimitStageTest {

  private final TestSnapshots snapshots = new TestSnapshots();
  private final Tenant acme = snapshots.tenant("acme", "active", new RateLimit(5000, 3600));
  private final Tenant globex = snapshots.tenant("globex");
  private final Service acmeOrders = snapshots.service(acme, "http://127.0.0.1:9100");
  private final Service globexOrders = snapshots.service(globex, "http://127.0.0.1:9100");
  private final IssuedKey plainKey = snapshots.key(globex, (RateLimit) null);
  private final IssuedKey limitedKey = snapshots.key(acme, new RateLimit(3, 1));
  private final RateLimiter limiter = RateLimiter.local();
  private final Pipeline pipeline = Pipeline.standard("gw.example",
      new ApiKeyAuthenticator(TestSnapshots.PEPPER_BYTES, Clock.systemUTC()), 1000, limiter, new RateLimit(1000, 60));

  RateLimitStageTest() {
    snapshots.route(acmeOrders, "orders", "/orders", List.of(TestSnapshots.rateLimitPolicy(2, 60)));
    snapshots.route(acmeOrders, "items", "/items");
    snapshots.route(globexOrders, "orders", "/orders");
  }

  private Exchange exchange(String path, String key) throws Exception {
    MultiMap headers = MultiMap.caseInsensitiveMultiMap().add("X-API-Key", key);
    return new Exchange("req-1", "GET", "localhost", path, null, headers, "198.51.100.7", System.nanoTime(),
        RuntimeConfig.from(snapshots.build(), 2000, 45000));
  }

  @Test
  void a_key_without_a_limit_gets_the_default_of_1000_a_minute() throws Exception {
    Exchange exchange = exchange("/orders", plainKey.secret());

    assertThat(pipeline.run(exchange)).isNull();
    assertThat(exchange.rateLimit().limit()).isEqualTo(new Limit("key:" + plainKey.key().id(), 1000, 60));
    assertThat(exchange.rateLimit().remaining()).isEqualTo(999);
  }

  @Test
  void key_route_and_plan_limits_all_apply_and_the_route_policy_is_the_tightest_here() throws Exception {
    Exchange exchange = exchange("/orders", limitedKey.secret());
    RateLimitStage stage = new RateLimitStage(limiter, new RateLimit(1000, 60));
    assertThat(pipeline.run(exchange)).isNull();

    assertThat(stage.limits(exchange)).extracting(Limit::id).containsExactly(
        "key:" + limitedKey.key().id(), "route:" + exchange.match().route().id(), "plan:" + acme.id());
    assertThat(exchange.rateLimit().limit().id()).startsWith("route:");
    assertThat(pipeline.run(exchange("/orders", limitedKey.secret()))).isNull();
    Problem refused = pipeline.run(exchange("/orders", limitedKey.secret()));
    assertThat(refused.type()).isEqualTo(ProblemType.RATE_LIMITED);
    assertThat(refused.retryAfterSeconds()).isPositive();
    assertThat(refused.type().uri()).isEqualTo("https://flowgate.dev/problems/rate-limited");
  }

  @Test
  void a_declared_body_above_the_limit_is_413_before_authentication() throws Exception {
    MultiMap headers = MultiMap.caseInsensitiveMultiMap().add("Content-Length", "1001");
    Exchange exchange = new Exchange("req-1", "POST", "localhost", "/orders", null, headers, "198.51.100.7",
        System.nanoTime(), RuntimeConfig.from(snapshots.build(), 2000, 45000));

    assertThat(pipeline.run(exchange).type()).isEqualTo(ProblemType.PAYLOAD_TOO_LARGE);
  }
}
