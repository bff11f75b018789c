package dev.flowgate.billing.metering;

import dev.flowgate.contracts.Envelope;
import dev.flowgate.contracts.EventCodec;
import dev.flowgate.contracts.calls.ApiCallRecorded;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/** Reads an {@code api.calls} value and rejects what metering cannot use. */
final class ApiCallDecoder {

  private ApiCallDecoder() {}

  static Envelope<ApiCallRecorded> decode(byte @Nullable [] value) {
    if (value == null || value.length == 0) {
      throw new MalformedApiCallException("empty record value");
    }
    Envelope<ApiCallRecorded> envelope;
    try {
      envelope = EventCodec.envelope(value, ApiCallRecorded.class);
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
