package dev.flowgate.gateway.metering;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flowgate.gateway.pipeline.Exchange;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vertx.core.MultiMap;
import java.time.Clock;
import org.junit.jupiter.api.Test;

class CallMeteringTest {

  private final MeterRegistry registry = new SimpleMeterRegistry();
  private final CallMetering metering = new CallMetering(registry, record -> {}, Clock.systemUTC(), "gateway-runtime/test");

  private static Exchange call(String method) {
    return new Exchange("req-1", method, "acme.gw.test", "/x", null, MultiMap.caseInsensitiveMultiMap(), "127.0.0.1",
        System.nanoTime(), null);
  }

  @Test
  void calls_are_counted_per_method_and_status_and_timed_on_the_same_meters_every_time() {
    metering.completed(call("GET"), 200, 0, 10);
    metering.completed(call("GET"), 200, 0, 10);
    metering.completed(call("GET"), 404, 0, 10);
    metering.completed(call("POST"), 200, 5, 10);

    assertThat(registry.get("http.requests").tags("method", "GET", "status", "200").counter().count()).isEqualTo(2);
    assertThat(registry.get("http.requests").tags("method", "GET", "status", "404").counter().count()).isEqualTo(1);
    assertThat(registry.get("http.requests").tags("method", "POST", "status", "200").counter().count()).isEqualTo(1);
    assertThat(registry.get("http.requests").counters()).hasSize(3);
    assertThat(registry.get("http.request.duration").tags("tenant", "-", "route", "-").timer().count()).isEqualTo(4);
  }
}
