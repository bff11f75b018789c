package dev.flowgate.gateway.proxy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flowgate.gateway.problems.ProblemType;
import io.netty.channel.ConnectTimeoutException;
import java.net.ConnectException;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;

class UpstreamFailuresTest {

  @Test
  void timeouts_connecting_or_reading_are_504() {
    assertThat(UpstreamFailures.problemFor(new ConnectTimeoutException("connect timed out")).type())
        .isEqualTo(ProblemType.UPSTREAM_TIMEOUT);
    assertThat(UpstreamFailures.problemFor(new RuntimeException(new TimeoutException("idle"))).type())
        .isEqualTo(ProblemType.UPSTREAM_TIMEOUT);
  }

  @Test
  void a_refused_connection_or_any_other_failure_is_502() {
    assertThat(UpstreamFailures.problemFor(new ConnectException("Connection refused")).status()).isEqualTo(502);
    assertThat(UpstreamFailures.problemFor(new IllegalStateException("closed")).status()).isEqualTo(502);
  }
}
