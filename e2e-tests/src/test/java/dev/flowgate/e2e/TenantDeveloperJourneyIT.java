package dev.flowgate.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flowgate.e2e.pages.DashboardPage;
import dev.flowgate.e2e.pages.NewKeyDialog;
import dev.flowgate.e2e.pages.SignupPage;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A tenant developer's first journey, in real Chromium against the running stack. */
class TenantDeveloperJourneyIT {

  /** Sign-up form, dashboard (sample API offered there), new-key dialog with the curl. */
  private static final int SCREENS_TO_FIRST_CALL = 3;

  @RegisterExtension
  static final Browser browser = new Browser();

  @Test
  void signsUpCreatesAKeyCallsTheGatewayAndSeesTheCallInUsage() {
    String suffix = UUID.randomUUID().toString().substring(0, 8);
    Instant start = Instant.now();
    DashboardPage dashboard = new SignupPage(browser.page()).open()
        .signUp("Journey " + suffix, "dev-" + suffix + "@example.com", "correct horse battery staple");
    browser.screenshot("01-dashboard-after-signup");

    dashboard.createSampleApi();
    NewKeyDialog dialog = dashboard.openCreateKey().create("journey key");
    String secret = dialog.secret();
    browser.screenshot("02-key-created-secret-shown-once");
    assertThat(secret).matches("fg_live_[0-9A-Za-z]{32}");
    assertThat(dialog.curlExample()).contains(secret).contains("/sample/");
    dialog.close();

    HttpResponse<String> response = callUntilConfigArrives(secret);
    Duration toFirstCall = Duration.between(start, Instant.now());
    JourneyTimes.record("tenant developer: empty browser to a 200 through the gateway with a fresh key",
        toFirstCall, SCREENS_TO_FIRST_CALL);
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(toFirstCall).isLessThan(Duration.ofSeconds(60));
    assertThat(response.headers().firstValue("X-Request-ID")).isPresent();

    long calls = waitForCallsToday(dashboard, 1, Duration.ofSeconds(10));
    browser.screenshot("03-usage-shows-the-call");
    assertThat(calls).isGreaterThanOrEqualTo(1);
  }

  /** The gateway learns about the new key through an invalidation; allow it a few seconds. */
  private static HttpResponse<String> callUntilConfigArrives(String secret) {
    GatewayClient gateway = new GatewayClient(browser.stack().gatewayUrl());
    return Eventually.poll(() -> gateway.get("/sample/hello", secret), r -> r.statusCode() == 200, Duration.ofSeconds(10));
  }

  private static long waitForCallsToday(DashboardPage dashboard, long atLeast, Duration within) {
    return Eventually.poll(dashboard::callsToday, calls -> calls >= atLeast, within);
  }

}
