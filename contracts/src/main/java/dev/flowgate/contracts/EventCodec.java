package dev.flowgate.contracts;

import java.nio.charset.StandardCharsets;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JavaType;
import tools.jackson.databind.cfg.DateTimeFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads and writes envelopes and snapshots in their wire format.
 *
 * <p>Unknown fields are ignored on read so that a newer producer does not break an older
 * consumer within one schema version; timestamps are ISO-8601 strings.
 */
public final class EventCodec {

  private static final JsonMapper MAPPER =
      JsonMapper.builder()
          .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .disable(DateTimeFeature.WRITE_DATES_AS_TIMESTAMPS)
          .build();

  private EventCodec() {}

  public static JsonMapper mapper() {
    return MAPPER;
  }

  public static byte[] toBytes(Object value) {
    return MAPPER.writeValueAsBytes(value);
  }

  public static String toJson(Object value) {
    return MAPPER.writeValueAsString(value);
  }

  public static <T> Envelope<T> envelope(byte[] json, Class<T> payloadType) {
    JavaType type = MAPPER.getTypeFactory().constructParametricType(Envelope.class, payloadType);
    return MAPPER.readValue(json, type);
  }

  public static <T> Envelope<T> envelope(String json, Class<T> payloadType) {
    return envelope(json.getBytes(StandardCharsets.UTF_8), payloadType);
  }

  public static <T> T read(byte[] json, Class<T> type) {
    return MAPPER.readValue(json, type);
  }

  public static <T> T read(String json, TypeReference<T> type) {
    return MAPPER.readValue(json, type);
  }
}
