package dev.flowgate.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flowgate.contracts.audit.AuditRecorded;
import dev.flowgate.contracts.billing.QuotaStateChanged;
import dev.flowgate.contracts.calls.ApiCallRecordWriter;
import dev.flowgate.contracts.calls.ApiCallRecorded;
import dev.flowgate.contracts.config.ConfigInvalidated;
import dev.flowgate.contracts.config.GatewaySnapshot;
import dev.flowgate.contracts.health.RuntimeHeartbeat;
import dev.flowgate.contracts.workflow.WorkflowSignalled;
import dev.flowgate.contracts.workflow.WorkflowTriggered;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Pins the JSON of every message against a file under {@code src/test/resources/wire}. A failure
 * here means consumers already deployed would read the message differently: bump the schema
 * version instead of editing the file.
 */
class WireFormatTest {

  static final UUID TENANT = UUID.fromString("5f0c3c4e-8f0a-4d52-9a1e-0d1b2c3d4e5f");
  static final UUID EVENT = UUID.fromString("0b7c1e2a-3d4f-4a5b-8c6d-7e8f9a0b1c2d");
  static final UUID KEY = UUID.fromString("1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d");
  static final UUID ROUTE = UUID.fromString("2b3c4d5e-6f7a-4b8c-9d0e-1f2a3b4c5d6e");
  static final UUID SERVICE = UUID.fromString("3c4d5e6f-7a8b-4c9d-8e1f-2a3b4c5d6e7f");
  static final Instant AT = Instant.parse("2026-11-23T10:15:30.123Z");

  @Test
  void apiCallEnvelopeKeepsItsWireFormat() {
    var call = new ApiCallRecorded(
        "req-42", TENANT, KEY, ROUTE, SERVICE, "GET", "/orders/7", 200, 12, 0, 512, "203.0.113.9", AT);
    var envelope = new Envelope<>(EVENT, call.eventType(), call.schemaVersion(), AT, TENANT, "req-42", "gateway-runtime", call);

    assertPinned(envelope, "api-call.json");
    assertThat(EventCodec.envelope(read("api-call.json"), ApiCallRecorded.class)).isEqualTo(envelope);
    assertThat(EventCodec.mapper().readTree(new ApiCallRecordWriter().write(envelope)))
        .as("the gateway's own api.calls writer")
        .isEqualTo(EventCodec.mapper().readTree(read("api-call.json")));
  }

  @Test
  void auditEnvelopeKeepsItsWireFormat() {
    JsonNode after = EventCodec.mapper().readTree("{\"name\":\"orders\",\"url\":\"https://orders.example\"}");
    var audit = new AuditRecorded(
        EVENT, TENANT, KEY, "user", "service.created", "service", SERVICE.toString(), null, after, "req-7", AT);
    var envelope = new Envelope<>(EVENT, audit.eventType(), audit.schemaVersion(), AT, TENANT, "req-7", "portal", audit);

    assertPinned(envelope, "audit.json");
    assertThat(EventCodec.envelope(read("audit.json"), AuditRecorded.class)).isEqualTo(envelope);
  }

  @Test
  void workflowTriggerAndSignalKeepTheirWireFormat() {
    JsonNode input = EventCodec.mapper().readTree("{\"customer\":\"c-1\"}");
    var trigger = new WorkflowTriggered("wf-exec-1", TENANT, ROUTE, 3, KEY, "api_route", input, "req-9");
    var signal = new WorkflowSignalled("wf-exec-1", TENANT, "approval", EventCodec.mapper().readTree("{\"approved\":true}"), KEY);

    assertPinned(new Envelope<>(EVENT, trigger.eventType(), 1, AT, TENANT, "req-9", "gateway-runtime", trigger), "workflow-trigger.json");
    assertPinned(new Envelope<>(EVENT, signal.eventType(), 1, AT, TENANT, "wf-exec-1", "portal", signal), "workflow-signal.json");
  }

  @Test
  void configInvalidationAndHeartbeatKeepTheirWireFormat() {
    var invalidation = new ConfigInvalidated(TENANT, "api_key", KEY.toString(), "revoked", 17);
    var heartbeat = new RuntimeHeartbeat("gateway-runtime", "gw-1", "0.1.0", "UP", AT);

    assertPinned(new Envelope<>(EVENT, invalidation.eventType(), 1, AT, TENANT, null, "portal", invalidation), "config-invalidated.json");
    assertPinned(new Envelope<>(EVENT, heartbeat.eventType(), 1, AT, null, null, "gateway-runtime", heartbeat), "heartbeat.json");
  }

  @Test
  void quotaStateKeepsItsWireFormat() {
    var quota = new QuotaStateChanged(TENANT, "2026-11", "hard_limit_reached", true, 100_000, 80_000, 100_000L,
        Instant.parse("2026-12-01T00:00:00Z"), AT);
    var envelope = new Envelope<>(EVENT, quota.eventType(), quota.schemaVersion(), AT, TENANT, null, "billing", quota);

    assertPinned(envelope, "quota-state.json");
    assertThat(EventCodec.envelope(read("quota-state.json"), QuotaStateChanged.class)).isEqualTo(envelope);
  }

  @Test
  void gatewaySnapshotKeepsItsWireFormat() {
    var snapshot = new GatewaySnapshot(
        GatewaySnapshot.SCHEMA_VERSION, 17, AT,
        List.of(new GatewaySnapshot.Tenant(TENANT, "acme", "active", new GatewaySnapshot.RateLimit(100_000, 3600))),
        List.of(new GatewaySnapshot.Service(SERVICE, TENANT, "orders", "http://127.0.0.1:9100", 2000, 45000, 2, "/health")),
        List.of(new GatewaySnapshot.Route(ROUTE, TENANT, SERVICE, "orders", List.of("/orders"), List.of("GET", "POST"),
            List.of(), true, List.of(new GatewaySnapshot.Policy("rate_limit", EventCodec.mapper().readTree("{\"limit\":10,\"windowSeconds\":1}"))))),
        List.of(new GatewaySnapshot.ApiKey(KEY, TENANT, "AbCd1234", "9f86d081884c7d65", null, null, List.of("*"),
            new GatewaySnapshot.RateLimit(1000, 60), null, "active")));

    assertPinned(snapshot, "gateway-snapshot.json");
    assertThat(EventCodec.read(read("gateway-snapshot.json"), GatewaySnapshot.class)).isEqualTo(snapshot);
  }

  @Test
  void unknownFieldsFromANewerProducerAreIgnored() {
    String json = new String(read("api-call.json")).replace("\"status\" : 200", "\"status\" : 200, \"region\" : \"eu\"");
    assertThat(EventCodec.envelope(json, ApiCallRecorded.class).payload().status()).isEqualTo(200);
  }

  private static void assertPinned(Object value, String file) {
    JsonNode actual = EventCodec.mapper().readTree(EventCodec.toJson(value));
    JsonNode expected = EventCodec.mapper().readTree(read(file));
    assertThat(actual).as("wire format of %s", file).isEqualTo(expected);
  }

  private static byte[] read(String file) {
    try (InputStream in = WireFormatTest.class.getResourceAsStream("/wire/" + file)) {
      if (in == null) {
        throw new IllegalStateException("missing /wire/" + file);
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
