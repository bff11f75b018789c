package dev.flowgate.billing.metering;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flowgate.contracts.EventCodec;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class IsoInstantDeserializerTest {

  @ParameterizedTest
  @ValueSource(strings = {"2026-11-24T03:30:49Z", "2026-11-24T03:30:49.7Z", "2026-11-24T03:30:49.752Z",
      "2026-11-24T03:30:49.752414Z", "2026-11-24T03:30:49.752414565Z", "2024-02-29T23:59:59.999999999Z",
      "1970-01-01T00:00:00Z", "1969-12-31T23:59:59.5Z"})
  void instants_as_instant_to_string_writes_them_read_as_instant_parse_reads_them(String text) {
    assertThat(IsoInstantDeserializer.parse(text)).isEqualTo(Instant.parse(text));
  }

  @ParameterizedTest
  @ValueSource(strings = {"2026-11-24T03:30:49+02:00", "2026-02-30T00:00:00Z", "2026-11-24T24:00:00Z",
      "2026-11-24T03:30:60Z", "2026-11-24 03:30:49Z", "2026-11-24T03:30:49.Z", "+12026-11-24T03:30:49Z", "x"})
  void other_text_is_left_to_jackson(String text) {
    assertThat(IsoInstantDeserializer.parse(text)).isNull();
  }

  @Test
  void an_envelope_with_an_offset_timestamp_still_decodes() {
    UUID tenant = UUID.randomUUID();
    String json = """
        {"eventId":"%s","eventType":"api.call.recorded","schemaVersion":1,"occurredAt":"2026-11-24T05:30:49+02:00",
         "tenantId":"%s","source":"gateway-runtime","payload":{"requestId":"r","tenantId":"%s","method":"GET",
         "path":"/","status":200,"latencyMs":3,"requestBytes":0,"responseBytes":0,"timestamp":1795491049.5}}
        """.formatted(UUID.randomUUID(), tenant, tenant);

    var envelope = ApiCallDecoder.decode(json.getBytes(StandardCharsets.UTF_8));

    assertThat(envelope.occurredAt()).isEqualTo(Instant.parse("2026-11-24T03:30:49Z"));
    assertThat(envelope.payload().timestamp()).isEqualTo(Instant.ofEpochSecond(1795491049, 500_000_000));
    assertThat(EventCodec.toJson(envelope)).contains("2026-11-24T03:30:49Z");
  }
}
