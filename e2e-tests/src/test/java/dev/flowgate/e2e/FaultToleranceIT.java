package dev.flowgate.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Takes one component of the running platform away at a time and counts, for a fresh tenant, the
 * calls made, the calls answered 2xx and the calls metered once everything is back: the product's
 * promise is that an outage of a store or of billing loses no call and counts none twice.
 * Runs only under the test command ({@code -Dflowgate.faults=true}), which owns the components.
 */
class FaultToleranceIT {

  private static final Stack STACK = Stack.fromSystemProperties();
  private static final LocalStack LOCAL = LocalStack.fromSystemProperties();
  private static final String UPSTREAM = System.getProperty("flowgate.demo.upstream", "http://127.0.0.1:9100");
  private static final Path REPORT = Path.of(System.getProperty("flowgate.fault.report", "target/fault-report.md"));
  private static final int CALLS = 20;

  private final GatewayClient gateway = new GatewayClient(STACK.gatewayUrl());
  private ManagementApi tenant;
  private String prefix;
  private String key;
  private HttpResponse<String> lastAnswer;

  @BeforeAll
  static void onlyWhereTheTestCommandOwnsTheStack() {
    assumeTrue(LocalStack.faultsEnabled(), "fault tests run only under deploy/local/test (-Dflowgate.faults=true)");
  }

  @BeforeEach
  void publishAnApiAndWarmIt() {
    String suffix = UUID.randomUUID().toString().substring(0, 8);
    tenant = ManagementApi.signUp(STACK.portalUrl(), "Faults " + suffix, "faults-" + suffix + "@example.com",
        "a long enough passphrase");
    JsonNode service = tenant.post("/api/v1/services", Map.of("name", "echo", "url", UPSTREAM));
    prefix = "/faults-" + suffix;
    tenant.post("/api/v1/routes", Map.of("name", "echo", "serviceId", service.path("id").asString(),
        "paths", List.of(prefix), "methods", List.of(), "hosts", List.of(), "stripPath", true));
    key = tenant.post("/api/v1/keys", Map.of("name", "faults")).path("secret").asString();
    HttpResponse<String> first = Eventually.poll(() -> gateway.get(prefix + "/warm", key), r -> r.statusCode() == 200, Duration.ofSeconds(15));
    assertThat(first.statusCode()).as("the route is served before the fault").isEqualTo(200);
  }

  @AfterEach
  void everythingRunsAgain() {
    LOCAL.start("portal", "gateway-runtime", "workflow-worker", "billing");
  }

  @Test
  void kafkaDownLosesNoCallAndCountsNoneTwice() {
    LOCAL.stop("kafka");
    int answered = callsAnswered();
    LOCAL.start();

    assertEveryCallAnsweredAndMeteredOnce("Kafka down", answered, Duration.ofSeconds(90));
  }

  @Test
  void billingDownLosesNoCallAndCountsNoneTwice() {
    LOCAL.stop("billing");
    int answered = callsAnswered();
    LOCAL.start("billing");

    assertEveryCallAnsweredAndMeteredOnce("billing down", answered, Duration.ofSeconds(90));
  }

  @Test
  void redisDownKeepsTheGatewayEnforcingAndServing() {
    LOCAL.stop("redis");
    int answered = callsAnswered();
    LOCAL.start();

    assertThat(lastAnswer.headers().firstValue("RateLimit-Remaining")).as("limits still enforced locally").isPresent();
    assertEveryCallAnsweredAndMeteredOnce("Redis down", answered, Duration.ofSeconds(60));
  }

  @Test
  void portalDownLeavesTheGatewayServingFromItsSnapshot() {
    LOCAL.stop("portal");
    int answered = callsAnswered();
    LOCAL.start("portal");

    assertEveryCallAnsweredAndMeteredOnce("portal down", answered, Duration.ofSeconds(60));
  }

  @Test
  void postgresqlDownLeavesTheGatewayServingAndThePortalAnsweringProblems() {
    LOCAL.stop("postgresql");
    int answered;
    HttpResponse<String> portal;
    try {
      answered = callsAnswered();
      portal = Eventually.poll(this::portalKeys, r -> r.statusCode() >= 500, Duration.ofSeconds(20));
    } finally {
      LOCAL.start();
    }

    assertThat(portal.statusCode()).as("the portal without its database").isEqualTo(503);
    assertThat(portal.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
    assertEveryCallAnsweredAndMeteredOnce("PostgreSQL down", answered, Duration.ofSeconds(90));
  }

  private int callsAnswered() {
    int answered = 0;
    for (int i = 0; i < CALLS; i++) {
      lastAnswer = gateway.get(prefix + "/call-" + i, key);
      if (lastAnswer.statusCode() == 200) {
        answered++;
      }
    }
    return answered;
  }

  private HttpResponse<String> portalKeys() {
    return new GatewayClient(STACK.portalUrl()).get("/api/v1/keys", null, Map.of("Authorization", "Bearer " + tenant.token()));
  }

  /** The warm-up call plus {@link #CALLS}: all answered, and metered exactly that many times. */
  private void assertEveryCallAnsweredAndMeteredOnce(String scenario, int answered, Duration within) {
    long expected = CALLS + 1;
    long metered = Eventually.poll(this::meteredCalls, n -> n >= expected, within);
    Eventually.sleep(3_000);
    long settled = meteredCalls();
    report(scenario, answered, settled);

    assertThat(answered).as("calls answered 200 during '%s'", scenario).isEqualTo(CALLS);
    assertThat(metered).as("calls metered after '%s'", scenario).isEqualTo(expected);
    assertThat(settled).as("calls metered a little later (none counted twice)").isEqualTo(expected);
  }

  private long meteredCalls() {
    Instant now = Instant.now();
    String from = now.truncatedTo(ChronoUnit.HOURS).minus(1, ChronoUnit.HOURS).toString();
    String to = now.plus(1, ChronoUnit.HOURS).toString();
    try {
      return tenant.get("/api/v1/usage?granularity=hour&from=" + from + "&to=" + to).path("totals").path("calls").asLong();
    } catch (IllegalStateException portalNotBackYet) {
      return -1;
    }
  }

  private static void report(String scenario, int answered, long metered) {
    String line = String.format("| %s | %d | %d | %d |%n", scenario, CALLS + 1, answered + 1, metered);
    System.out.print("fault scenario " + line);
    try {
      Files.createDirectories(REPORT.toAbsolutePath().getParent());
      if (!Files.exists(REPORT)) {
        Files.writeString(REPORT, "| scenario | calls made | answered 200 | metered |\n| --- | --- | --- | --- |\n");
      }
      Files.writeString(REPORT, line, StandardOpenOption.APPEND);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
