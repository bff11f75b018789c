package dev.flowgate.worker.steps;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.InstanceOfAssertFactories.MAP;

import dev.flowgate.worker.dsl.StepConfig;
import io.temporal.failure.ApplicationFailure;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/**
 * The SSRF guard as the {@code http_request} and {@code webhook} steps meet it: addresses given as
 * literals (loopback, link-local, private, IPv6, IPv4-mapped IPv6) are refused before any
 * connection, and a redirect to a refused address is never followed.
 */
class StepSsrfGuardTest {

  private final TestUpstream upstream = newUpstream();
  private final StepCall call = new StepCall("t", "run-1", "step", Map.of("input", Map.of(), "steps", Map.of()));

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

  private static StepsProperties properties(String allow) {
    return new StepsProperties(allow, "signing-secret", "x@example.com", Duration.ofSeconds(1), 1 << 20);
  }

  private static HttpRequestActivitiesImpl http(String allow) {
    return new HttpRequestActivitiesImpl(new StepHttpClient(UpstreamGuard.of(allow), properties(allow)));
  }

  private static WebhookActivitiesImpl webhook(String allow) {
    return new WebhookActivitiesImpl(new StepHttpClient(UpstreamGuard.of(allow), properties(allow)), properties(allow),
        Clock.systemUTC());
  }

  private static void assertRefused(ThrowableAssertCall call, String reason) {
    assertThatThrownBy(call::run).isInstanceOfSatisfying(ApplicationFailure.class, f -> {
      assertThat(f.getType()).isEqualTo(StepFailures.UPSTREAM_REFUSED);
      assertThat(f.isNonRetryable()).isTrue();
      assertThat(f.getOriginalMessage()).contains(reason);
    });
  }

  private interface ThrowableAssertCall {
    void run() throws Exception;
  }

  /** The test upstream listens on 127.0.0.1; these all name it (or a reserved range) without a host name. */
  @ParameterizedTest
  @ValueSource(strings = {"127.0.0.1", "[::1]", "[::ffff:127.0.0.1]", "[::ffff:7f00:1]", "127.1.2.3"})
  void loopback_in_any_notation_is_refused_for_both_steps_and_nothing_is_sent(String host) {
    String url = upstream.url("/x").replace("127.0.0.1", host);
    assertRefused(() -> http("").request(call, new StepConfig.HttpRequest(url, "GET", Map.of(), null, 1000)), "loopback");
    assertRefused(() -> webhook("").deliver(call, new StepConfig.Webhook(url, null, 1000)), "loopback");
    assertThat(upstream.received("/x")).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"10.0.0.1", "172.16.5.4", "192.168.1.1", "[fd00::1]", "[::ffff:10.0.0.1]", "100.64.0.1", "0.0.0.0"})
  void private_and_reserved_ranges_are_refused_for_both_steps(String host) {
    String url = "http://" + host + ":8080/internal";
    assertRefused(() -> http("").request(call, new StepConfig.HttpRequest(url, "GET", Map.of(), null, 1000)), "refused");
    assertRefused(() -> webhook("").deliver(call, new StepConfig.Webhook(url, null, 1000)), "refused");
  }

  @ParameterizedTest
  @ValueSource(strings = {"169.254.169.254", "[fe80::1]", "[::ffff:169.254.169.254]"})
  void link_local_metadata_is_refused_even_with_everything_allowed(String host) {
    String url = "http://" + host + "/latest/meta-data/";
    String everything = "0.0.0.0/0, ::/0";
    assertRefused(() -> http(everything).request(call, new StepConfig.HttpRequest(url, "GET", Map.of(), null, 1000)),
        "never allowed");
    assertRefused(() -> webhook(everything).deliver(call, new StepConfig.Webhook(url, null, 1000)), "never allowed");
  }

  @Test
  void a_redirect_to_a_refused_address_is_not_followed_by_http_request_or_webhook() {
    upstream.redirect("/hop", 302, "http://169.254.169.254/latest/meta-data/")
        .redirect("/hook-hop", 307, upstream.url("/internal-only"));

    StepResult fetched = http("127.0.0.0/8").request(call, new StepConfig.HttpRequest(upstream.url("/hop"), "GET", Map.of(), null, 1000));
    StepResult delivered = webhook("127.0.0.0/8").deliver(call, new StepConfig.Webhook(upstream.url("/hook-hop"), null, 1000));

    assertThat(fetched.output()).asInstanceOf(MAP).containsEntry("status", 302);
    assertThat(fetched.output()).asInstanceOf(MAP).extractingByKey("headers").asInstanceOf(MAP)
        .containsEntry("location", "http://169.254.169.254/latest/meta-data/");
    assertThat(delivered.output()).asInstanceOf(MAP).containsEntry("status", 307);
    assertThat(upstream.received("/internal-only")).isEmpty();
  }
}
