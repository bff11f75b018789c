package dev.flowgate.worker.steps;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.flowgate.worker.dsl.StepConfig;
import io.temporal.failure.ApplicationFailure;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class HttpRequestActivitiesImplTest {

  private final TestUpstream upstream = newUpstream();
  private final StepCall call = new StepCall("t", "run-1", "call", Map.of("input", Map.of("a", 1), "steps", Map.of()));

  private static TestUpstream newUpstream() {
    try {
      return new TestUpstream();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  @AfterEach
  void stop() {
    upstream.close();
  }

  private static HttpRequestActivitiesImpl activities(String allow) {
    var properties = new StepsProperties(allow, "", "x@example.com", Duration.ofSeconds(1), 1 << 20);
    return new HttpRequestActivitiesImpl(new StepHttpClient(UpstreamGuard.of(allow), properties));
  }

  private StepConfig.HttpRequest get(String path) {
    return new StepConfig.HttpRequest(upstream.url(path), "GET", Map.of("X-Custom", "1"), null, 2000);
  }

  @Test
  void a_loopback_upstream_is_refused_without_the_allow_list_and_nothing_is_sent() {
    assertThatThrownBy(() -> activities("").request(call, get("/x")))
        .isInstanceOfSatisfying(ApplicationFailure.class, f -> {
          assertThat(f.getType()).isEqualTo(StepFailures.UPSTREAM_REFUSED);
          assertThat(f.isNonRetryable()).isTrue();
        });
    assertThat(upstream.received("/x")).isEmpty();
  }

  @Test
  void the_allow_list_lets_the_call_through_with_headers_and_the_evaluated_body() {
    var post = new StepConfig.HttpRequest(upstream.url("/p"), "POST", Map.of("X-Custom", "1"), "{'sum': input.a + 1}", 2000);

    StepResult result = activities("127.0.0.0/8").request(call, post);

    assertThat(result.output()).asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.MAP).containsEntry("status", 200);
    TestUpstream.Received received = upstream.received("/p").getFirst();
    assertThat(received.body()).isEqualTo("{\"sum\":2}");
    assertThat(received.header("X-Custom")).isEqualTo("1");
    assertThat(received.header("X-Flowgate-Execution-Id")).isEqualTo("run-1");
  }

  @Test
  void redirects_are_not_followed() {
    upstream.answer("/r", 302, "");

    StepResult result = activities("127.0.0.0/8").request(call, get("/r"));

    assertThat(result.output()).asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.MAP).containsEntry("status", 302);
    assertThat(upstream.received("/redirected")).isEmpty();
  }

  @Test
  void server_errors_are_retryable_and_client_errors_are_not() {
    upstream.answer("/5", 502, "{}").answer("/4", 422, "{\"error\":\"bad\"}");
    assertThatThrownBy(() -> activities("127.0.0.0/8").request(call, get("/5")))
        .isInstanceOfSatisfying(ApplicationFailure.class, f -> assertThat(f.isNonRetryable()).isFalse());
    assertThatThrownBy(() -> activities("127.0.0.0/8").request(call, get("/4")))
        .isInstanceOfSatisfying(ApplicationFailure.class, f -> {
          assertThat(f.isNonRetryable()).isTrue();
          assertThat(f.getOriginalMessage()).contains("answered 422").contains("bad");
        });
  }
}
