package dev.flowgate.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Takes one component of the running platform away at a time (or makes an upstream fail, or
 * replays a Stripe webhook) and counts, for a fresh tenant, the calls made, answered and metered,
 * and the workflow runs triggered, started and completed once everything is back: the product's
 * promise is that no record is lost, none is counted twice, and no run is lost. Every scenario
 * writes its counts to target/fault-table.md. Runs only under the test command
 * ({@code -Dflowgate.faults=true}), which owns the components.
 */
class FaultToleranceIT {

  private static final Stack STACK = Stack.fromSystemProperties();
  private static final LocalStack LOCAL = LocalStack.fromSystemProperties();
  private static final String UPSTREAM = System.getProperty("flowgate.demo.upstream", "http://127.0.0.1:9100");
  private static final int CALLS = 20;
  private static final int TRIGGERS = 10;

  private final GatewayClient gateway = new GatewayClient(STACK.gatewayUrl());
  private Instant started;
  private String suffix;
  private ManagementApi tenant;
  private String serviceId;
  private String prefix;
  private String key;
  private int made;
  private HttpResponse<String> lastAnswer;

  @BeforeAll
  static void onlyWhereTheTestCommandOwnsTheStack() {
    assumeTrue(LocalStack.faultsEnabled(), "fault tests run only under deploy/local/test (-Dflowgate.faults=true)");
  }

  @BeforeEach
  void publishAnApiAndWarmIt() {
    started = Instant.now();
    suffix = UUID.randomUUID().toString().substring(0, 8);
    tenant = ManagementApi.signUp(STACK.portalUrl(), "Faults " + suffix, "faults-" + suffix + "@example.com",
        "a long enough passphrase");
    serviceId = tenant.post("/api/v1/services", Map.of("name", "echo", "url", UPSTREAM)).path("id").asString();
    prefix = "/faults-" + suffix;
    route("echo", serviceId, prefix);
    key = tenant.post("/api/v1/keys", Map.of("name", "faults")).path("secret").asString();
    HttpResponse<String> first = Eventually.poll(() -> call(prefix + "/warm"), r -> r.statusCode() == 200, Duration.ofSeconds(15));
    assertThat(first.statusCode()).as("the route is served before the fault").isEqualTo(200);
    // polls before the new key reached the gateway were answered 401 for no tenant: nobody's to meter
    made = 1;
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
  void kafkaDownKeepsEachAuditRecordUntilKafkaHasIt() {
    PortalAuditOutbox audit = new PortalAuditOutbox();
    String keyName = "made-while-kafka-is-down-" + suffix;
    LOCAL.stop("kafka");
    tenant.post("/api/v1/keys", Map.of("name", keyName));
    Eventually.sleep(6_000); // past the relay's 5 s sweep: it has tried, and Kafka could not take it
    long waiting = audit.waitingForKafka(keyName);
    LOCAL.start();
    long left = Eventually.poll(() -> audit.waitingForKafka(keyName), n -> n == 0, Duration.ofSeconds(60));
    long written = audit.written(keyName);

    Map<String, Object> counts = new LinkedHashMap<>();
    counts.put("audit records written while down", written);
    counts.put("waiting in the outbox while down", waiting);
    counts.put("waiting once Kafka is back", left);
    FaultTable.record("Kafka down (audit trail)", took(), counts, written == 1 && waiting == 1 && left == 0);

    assertThat(written).as("the key's audit record, written while Kafka was down").isEqualTo(1);
    assertThat(waiting).as("kept in the outbox while Kafka was down").isEqualTo(1);
    assertThat(left).as("acknowledged by Kafka and unlisted once it is back").isZero();
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

  /**
   * The contract while NATS is down: a trigger is either accepted (202, stored in JetStream) or
   * refused with 503 and {@code retry_after}, never accepted and dropped; calls go on being served.
   */
  @Test
  void natsDownKeepsCallsServedAndRefusesNoTriggerSilently() {
    TriggeredWorkflow workflow = TriggeredWorkflow.publish(tenant, serviceId, prefix + "-wf");
    assertThat(Eventually.poll(() -> call(workflow.path() + "/warm"), r -> r.statusCode() == 202, Duration.ofSeconds(15))
        .statusCode()).as("the trigger route before the fault").isEqualTo(202);
    int accepted = 1;

    LOCAL.stop("nats");
    int answered = callsAnswered();
    int acceptedWhileDown = 0;
    List<String> refused = new ArrayList<>();
    for (int i = 0; i < TRIGGERS; i++) {
      HttpResponse<String> answer = call(workflow.path() + "/down-" + i);
      if (answer.statusCode() == 202) {
        acceptedWhileDown++;
      } else {
        assertThat(answer.statusCode()).as("a trigger NATS cannot take").isEqualTo(503);
        assertThat(answer.headers().firstValue("Retry-After")).as("refused with a time to retry").isPresent();
        assertThat(answer.body()).contains("workflow-trigger-unavailable", "retry_after");
        refused.add(workflow.path() + "/down-" + i);
      }
    }
    LOCAL.start();
    for (String path : refused) {
      assertThat(retryUntilAccepted(path)).as("a refused trigger sent again once NATS is back").isEqualTo(202);
    }
    accepted += acceptedWhileDown + refused.size();
    Duration configChange = configChangeServedIn();
    long completed = Eventually.poll(() -> workflow.runs("COMPLETED"), n -> n >= TRIGGERS + 1, Duration.ofSeconds(60));
    Eventually.sleep(3_000);
    long runs = workflow.runs();
    long metered = meteredOnceSettled(Duration.ofSeconds(60));

    Map<String, Object> counts = new LinkedHashMap<>();
    counts.put("calls made", made);
    counts.put("answered 200 while down", answered + "/" + CALLS);
    counts.put("triggers sent", TRIGGERS + 1);
    counts.put("accepted while down", acceptedWhileDown);
    counts.put("refused 503 (retried, accepted)", refused.size());
    counts.put("runs started", runs);
    counts.put("runs completed", completed);
    counts.put("metered", metered);
    counts.put("config change served after", String.format("%.1f s", configChange.toMillis() / 1000.0));
    FaultTable.record("NATS down", took(), counts,
        answered == CALLS && runs == accepted && completed == accepted && metered == made);

    assertThat(answered).as("calls answered 200 while NATS was down").isEqualTo(CALLS);
    assertThat(accepted).isEqualTo(TRIGGERS + 1);
    assertThat(runs).as("runs started: one per accepted trigger").isEqualTo(accepted);
    assertThat(completed).as("runs completed").isEqualTo(accepted);
    assertThat(metered).as("calls metered once").isEqualTo(made);
    assertThat(configChange).as("a configuration change after NATS is back reaches the gateway").isLessThan(Duration.ofSeconds(10));
  }

  @Test
  void temporalDownMakesTriggersWaitAndStartsEachRunOnceWhenItReturns() {
    TriggeredWorkflow workflow = TriggeredWorkflow.publish(tenant, serviceId, prefix + "-wf");
    assertThat(Eventually.poll(() -> call(workflow.path() + "/warm"), r -> r.statusCode() == 202, Duration.ofSeconds(15))
        .statusCode()).as("the trigger route before the fault").isEqualTo(202);
    assertThat(Eventually.poll(() -> workflow.runs("COMPLETED"), n -> n == 1, Duration.ofSeconds(30))).isEqualTo(1);

    LOCAL.stop("temporal");
    int accepted = 0;
    for (int i = 0; i < TRIGGERS; i++) {
      accepted += call(workflow.path() + "/down-" + i).statusCode() == 202 ? 1 : 0;
    }
    Eventually.sleep(5_000);
    long completedWhileDown = workflow.runs("COMPLETED") - 1;
    LOCAL.start();

    long completed = Eventually.poll(() -> workflow.runs("COMPLETED"), n -> n >= TRIGGERS + 1, Duration.ofSeconds(90));
    Eventually.sleep(3_000);
    long runs = workflow.runs();
    long metered = meteredOnceSettled(Duration.ofSeconds(60));

    Map<String, Object> counts = new LinkedHashMap<>();
    counts.put("calls made", made);
    counts.put("triggers sent", TRIGGERS + 1);
    counts.put("accepted 202", accepted + 1);
    counts.put("completed while down", completedWhileDown);
    counts.put("runs started", runs);
    counts.put("runs completed", completed);
    counts.put("metered", metered);
    FaultTable.record("Temporal down", took(), counts,
        accepted == TRIGGERS && completedWhileDown == 0 && runs == TRIGGERS + 1 && completed == TRIGGERS + 1 && metered == made);

    assertThat(accepted).as("triggers accepted while Temporal was down (NATS keeps them)").isEqualTo(TRIGGERS);
    assertThat(completedWhileDown).as("runs completed while Temporal was down").isZero();
    assertThat(runs).as("runs started: one per trigger, none twice").isEqualTo(TRIGGERS + 1);
    assertThat(completed).as("runs completed once Temporal is back").isEqualTo(TRIGGERS + 1);
    assertThat(metered).as("calls metered once").isEqualTo(made);
  }

  @Test
  void anUpstream5xxStormOpensTheBreakerWhichClosesOnceTheUpstreamHeals() {
    try (SwitchableUpstream upstream = new SwitchableUpstream()) {
      String stormService = tenant.post("/api/v1/services", Map.of("name", "storm-" + suffix, "url", upstream.url()))
          .path("id").asString();
      String storm = prefix + "-storm";
      route("storm", stormService, storm);
      assertThat(Eventually.poll(() -> call(storm + "/warm"), r -> r.statusCode() == 200, Duration.ofSeconds(15))
          .statusCode()).isEqualTo(200);
      UpstreamStorm counts = new UpstreamStorm();

      upstream.failWith(500);
      HttpResponse<String> answer = call(storm + "/storm");
      for (int i = 0; i < 60 && answer.statusCode() == 500; i++) {
        counts.passedOn++;
        answer = call(storm + "/storm");
      }
      assertThat(answer.statusCode()).as("the breaker opens during the storm").isEqualTo(503);
      assertThat(answer.body()).contains("upstream-circuit-open", "retry_after");
      int retryAfter = Integer.parseInt(answer.headers().firstValue("Retry-After").orElseThrow());
      int hitsWhenOpen = upstream.hits();
      counts.refused = 1;
      for (int i = 0; i < 5; i++) {
        counts.refused += call(storm + "/open-" + i).statusCode() == 503 ? 1 : 0;
      }
      counts.openState = BreakerMetrics.state(stormService);
      int hitsWhileOpen = upstream.hits() - hitsWhenOpen;

      upstream.heal();
      Eventually.sleep(retryAfter * 1000L + 500);
      counts.healed += call(storm + "/probe-0").statusCode() == 200 ? 1 : 0;
      counts.halfOpenState = BreakerMetrics.state(stormService);
      for (int i = 1; i < 5; i++) {
        counts.healed += call(storm + "/probe-" + i).statusCode() == 200 ? 1 : 0;
      }
      counts.closedState = BreakerMetrics.state(stormService);
      long metered = meteredOnceSettled(Duration.ofSeconds(60));

      Map<String, Object> row = new LinkedHashMap<>();
      row.put("calls made", made);
      row.put("5xx passed on", counts.passedOn);
      row.put("503 circuit open", counts.refused);
      row.put("upstream hits while open", hitsWhileOpen);
      row.put("200 after healing", counts.healed);
      row.put("breaker", counts.openState + " → " + counts.halfOpenState + " → " + counts.closedState);
      row.put("metered", metered);
      FaultTable.record("upstream 5xx storm", took(), row, hitsWhileOpen == 0 && metered == made && counts.healed == 5
          && counts.openState == 1 && counts.halfOpenState == 2 && counts.closedState == 0);

      // opens at the window's minimum of 20 calls, the warm-up call included
      assertThat(counts.passedOn).as("5xx passed on before the breaker opened").isGreaterThanOrEqualTo(19);
      assertThat(counts.refused).as("calls refused while open").isEqualTo(6);
      assertThat(hitsWhileOpen).as("an open breaker spares the upstream").isZero();
      assertThat(counts.openState).as("circuit state on /metrics during the storm (1 open)").isEqualTo(1);
      assertThat(counts.halfOpenState).as("after the wait, the first probe leaves it half-open (2)").isEqualTo(2);
      assertThat(counts.healed).as("probes answered once healed").isEqualTo(5);
      assertThat(counts.closedState).as("closed (0) after the probes").isZero();
      assertThat(metered).as("every call metered once, refused ones too").isEqualTo(made);
    }
  }

  @Test
  void aReplayedStripeWebhookChangesTheInvoiceOnce() {
    String secret = System.getenv("STRIPE_WEBHOOK_SECRET");
    assertThat(secret).as("STRIPE_WEBHOOK_SECRET, as billing has it").isNotBlank();
    UUID tenantId = UUID.fromString(tenant.signupAnswer().path("tenant").path("id").asString());
    String stripeInvoice = "in_faults_" + suffix;
    UUID invoiceId = new BillingDatabase(LOCAL).openInvoice(tenantId, stripeInvoice);
    Instant paidAt = Instant.now().truncatedTo(ChronoUnit.SECONDS).minusSeconds(60);
    String event = StripeWebhooks.invoicePaid("evt_faults_" + suffix, stripeInvoice, paidAt);
    StripeWebhooks stripe = new StripeWebhooks(System.getProperty("flowgate.billing.url", "http://127.0.0.1:8083"), secret);

    List<HttpResponse<String>> deliveries = List.of(stripe.deliver(event), stripe.deliver(event), stripe.deliverForged(event));
    JsonNode invoice = tenant.get("/api/v1/invoices/" + invoiceId);

    long applied = deliveries.stream().filter(r -> r.body().contains("\"applied\"")).count();
    long replayed = deliveries.stream().filter(r -> r.body().contains("\"replayed\"")).count();
    long refused = deliveries.stream().filter(r -> r.statusCode() == 400).count();
    Map<String, Object> counts = new LinkedHashMap<>();
    counts.put("events sent", deliveries.size());
    counts.put("applied", applied);
    counts.put("replayed (unchanged)", replayed);
    counts.put("bad signature refused", refused);
    counts.put("invoice", "open → " + invoice.path("status").asString());
    FaultTable.record("Stripe webhook replayed", took(), counts,
        applied == 1 && replayed == 1 && refused == 1 && invoice.path("status").asString().equals("paid"));

    assertThat(deliveries).extracting(HttpResponse::statusCode).containsExactly(200, 200, 400);
    assertThat(deliveries.get(0).body()).contains("\"applied\"");
    assertThat(deliveries.get(1).body()).as("the same event again").contains("\"replayed\"");
    assertThat(invoice.path("status").asString()).isEqualTo("paid");
    assertThat(Instant.parse(invoice.path("paidAt").asString())).isEqualTo(paidAt);
  }

  /** What the storm scenario saw. */
  private static final class UpstreamStorm {
    int passedOn;
    int refused;
    int healed;
    int openState;
    int halfOpenState;
    int closedState;
  }

  private void route(String name, String service, String path) {
    tenant.post("/api/v1/routes", Map.of("name", name, "serviceId", service,
        "paths", List.of(path), "methods", List.of(), "hosts", List.of(), "stripPath", true));
  }

  /** Every call through the gateway goes through here, so the metered count has one to match. */
  private HttpResponse<String> call(String path) {
    made++;
    return gateway.get(path, key);
  }

  private int callsAnswered() {
    int answered = 0;
    for (int i = 0; i < CALLS; i++) {
      lastAnswer = call(prefix + "/call-" + i);
      if (lastAnswer.statusCode() == 200) {
        answered++;
      }
    }
    return answered;
  }

  /** Sends a refused trigger again, a second apart (its retry_after is longer: NATS is back sooner). */
  private int retryUntilAccepted(String path) {
    int status = 0;
    for (int attempt = 0; attempt < 30 && status != 202; attempt++) {
      status = call(path).statusCode();
      if (status != 202) {
        Eventually.sleep(1_000);
      }
    }
    return status;
  }

  /** How long a new route takes to be served: the portal's invalidation on NATS, not the 30 s poll. */
  private Duration configChangeServedIn() {
    String late = prefix + "-late";
    Instant changed = Instant.now();
    route("late", serviceId, late);
    Eventually.poll(() -> call(late + "/after"), r -> r.statusCode() == 200, Duration.ofSeconds(40));
    return Duration.between(changed, Instant.now());
  }

  private Duration took() {
    return Duration.between(started, Instant.now());
  }

  private HttpResponse<String> portalKeys() {
    return new GatewayClient(STACK.portalUrl()).get("/api/v1/keys", null, Map.of("Authorization", "Bearer " + tenant.token()));
  }

  /** Every call made answered 200 during the fault and metered exactly once afterwards. */
  private void assertEveryCallAnsweredAndMeteredOnce(String scenario, int answered, Duration within) {
    long metered = Eventually.poll(this::meteredCalls, n -> n >= made, within);
    Eventually.sleep(3_000);
    long settled = meteredCalls();
    Map<String, Object> counts = new LinkedHashMap<>();
    counts.put("calls made", made);
    counts.put("answered 200 while down", answered + "/" + CALLS);
    counts.put("metered", settled);
    FaultTable.record(scenario, took(), counts, answered == CALLS && metered == made && settled == made);

    assertThat(answered).as("calls answered 200 during '%s'", scenario).isEqualTo(CALLS);
    assertThat(metered).as("calls metered after '%s'", scenario).isEqualTo(made);
    assertThat(settled).as("calls metered a little later (none counted twice)").isEqualTo(made);
  }

  /** The metered count once it has reached the calls made and stayed there for three seconds. */
  private long meteredOnceSettled(Duration within) {
    Eventually.poll(this::meteredCalls, n -> n >= made, within);
    Eventually.sleep(3_000);
    return meteredCalls();
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
}
