package dev.flowgate.gateway.proxy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flowgate.contracts.config.GatewaySnapshot.Service;
import dev.flowgate.gateway.config.GatewayProperties;
import io.github.resilience4j.circuitbreaker.CircuitBreaker.State;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.ConnectException;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;

class UpstreamBreakersTest {

  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  private final UpstreamBreakers breakers = new UpstreamBreakers(
      new GatewayProperties.CircuitBreaker(true, 50, Duration.ofSeconds(30), 20, 3, Duration.ofSeconds(60), 5,
          Duration.ofMillis(100)), registry);
  private final Service service =
      new Service(UUID.randomUUID(), UUID.randomUUID(), "orders", "http://127.0.0.1:1", 2000, 45000, 0, null);

  private void calls(int count, int status) {
    for (int i = 0; i < count; i++) {
      breakers.acquire(service).answered(status);
    }
  }

  @Test
  void more_than_half_failing_out_of_twenty_calls_opens_the_breaker_and_refuses_calls() {
    calls(9, 200);
    calls(11, 503);

    assertThat(breakers.state(service.id())).isEqualTo(State.OPEN);
    assertThat(breakers.acquire(service)).isNull();
    assertThat(breakers.retryAfterSeconds()).isEqualTo(60);
    assertThat(registry.get("flowgate.gateway.circuit.breaker.state").tag("name", "orders").gauge().value())
        .isEqualTo(1.0);
  }

  @Test
  void exactly_half_failing_keeps_it_closed() {
    calls(10, 200);
    calls(10, 500);

    assertThat(breakers.state(service.id())).isEqualTo(State.CLOSED);
  }

  @Test
  void fewer_than_twenty_calls_never_open_it_however_many_fail() {
    calls(19, 502);

    assertThat(breakers.state(service.id())).isEqualTo(State.CLOSED);
    assertThat(breakers.acquire(service)).isNotNull();
  }

  @Test
  void client_errors_never_count_as_failures() {
    calls(40, 404);
    calls(5, 503);

    assertThat(breakers.state(service.id())).isEqualTo(State.CLOSED);
  }

  @Test
  void three_timeouts_in_a_row_open_it_at_once() {
    calls(2, 200);
    for (int i = 0; i < 3; i++) {
      breakers.acquire(service).failed(new TimeoutException("idle"), true);
    }

    assertThat(breakers.state(service.id())).isEqualTo(State.OPEN);
  }

  @Test
  void timeouts_broken_by_another_outcome_do_not_open_it() {
    breakers.acquire(service).failed(new TimeoutException("idle"), true);
    breakers.acquire(service).failed(new TimeoutException("idle"), true);
    breakers.acquire(service).failed(new ConnectException("refused"), false);
    breakers.acquire(service).failed(new TimeoutException("idle"), true);

    assertThat(breakers.state(service.id())).isEqualTo(State.CLOSED);
  }
}
