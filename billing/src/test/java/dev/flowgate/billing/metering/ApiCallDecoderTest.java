package dev.flowgate.billing.metering;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.flowgate.contracts.Envelope;
import dev.flowgate.contracts.EventCodec;
import dev.flowgate.contracts.calls.ApiCallRecorded;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ApiCallDecoderTest {

  private final UUID tenant = UUID.randomUUID();
  private final ApiCallRecorded call =
      new ApiCallRecorded("r1", tenant, null, null, null, "GET", "/", 200, 3, 0, 10, null, Instant.now());

  @Test
  void a_well_formed_envelope_is_read() {
    Envelope<ApiCallRecorded> envelope = Envelope.of(call, tenant, "r1", "gateway-runtime", Instant.now());
    assertThat(ApiCallDecoder.decode(EventCodec.toBytes(envelope))).isEqualTo(envelope);
  }

  @Test
  void bad_json_is_malformed() {
    assertThatThrownBy(() -> ApiCallDecoder.decode("{not json".getBytes(StandardCharsets.UTF_8)))
        .isInstanceOf(MalformedApiCallException.class);
    assertThatThrownBy(() -> ApiCallDecoder.decode(null)).isInstanceOf(MalformedApiCallException.class);
  }

  @Test
  void another_event_type_is_malformed() {
    var envelope = new Envelope<>(UUID.randomUUID(), "audit.recorded", 1, Instant.now(), tenant, null, "x", call);
    assertThatThrownBy(() -> ApiCallDecoder.decode(EventCodec.toBytes(envelope)))
        .isInstanceOf(MalformedApiCallException.class)
        .hasMessageContaining("unsupported event");
  }

  @Test
  void an_envelope_naming_another_tenant_is_malformed() {
    Envelope<ApiCallRecorded> envelope = Envelope.of(call, UUID.randomUUID(), "r1", "gw", Instant.now());
    assertThatThrownBy(() -> ApiCallDecoder.decode(EventCodec.toBytes(envelope)))
        .isInstanceOf(MalformedApiCallException.class);
  }
}
