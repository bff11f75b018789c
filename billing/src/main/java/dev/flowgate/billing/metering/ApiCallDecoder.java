package dev.flowgate.billing.metering;

import dev.flowgate.contracts.Envelope;
import dev.flowgate.contracts.EventCodec;
import dev.flowgate.contracts.calls.ApiCallRecorded;
import java.time.Instant;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.module.SimpleModule;

/** Reads an {@code api.calls} value and rejects what metering cannot use. */
final class ApiCallDecoder {

  /**
   * The contracts' mapper with instants read by {@link IsoInstantDeserializer}, bound once to the
   * envelope type (looking the type and its deserializer up per record cost as much again).
   */
  private static final ObjectReader READER;

  static {
    JsonMapper mapper =
        EventCodec.mapper().rebuild()
            .addModule(new SimpleModule("api-call-instants").addDeserializer(Instant.class, new IsoInstantDeserializer()))
            .build();
    READER = mapper.readerFor(mapper.getTypeFactory().constructParametricType(Envelope.class, ApiCallRecorded.class));
  }

  private ApiCallDecoder() {}

  static Envelope<ApiCallRecorded> decode(byte @Nullable [] value) {
    if (value == null || value.length == 0) {
      throw new MalformedApiCallException("empty record value");
    }
    Envelope<ApiCallRecorded> envelope;
    try {
      envelope = READER.readValue(value);
    } catch (RuntimeException e) {
      throw new MalformedApiCallException("unreadable api-call envelope: " + e.getMessage(), e);
    }
    if (!ApiCallRecorded.TYPE.equals(envelope.eventType())
        || envelope.schemaVersion() != ApiCallRecorded.VERSION) {
      throw new MalformedApiCallException(
          "unsupported event " + envelope.eventType() + " v" + envelope.schemaVersion());
    }
    ApiCallRecorded call = envelope.payload();
    if (call.tenantId() == null || call.timestamp() == null || call.method() == null
        || call.path() == null || call.requestId() == null) {
      throw new MalformedApiCallException("api-call payload lacks tenantId, timestamp, method, path or requestId");
    }
    if (envelope.tenantId() != null && !Objects.equals(envelope.tenantId(), call.tenantId())) {
      throw new MalformedApiCallException("envelope and payload name different tenants");
    }
    return envelope;
  }
}
