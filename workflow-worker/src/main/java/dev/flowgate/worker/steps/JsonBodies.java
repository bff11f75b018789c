package dev.flowgate.worker.steps;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/** JSON in and out of HTTP bodies. */
final class JsonBodies {

  private static final JsonMapper mapper = JsonMapper.builder().build();

  private JsonBodies() {}

  static byte[] write(@Nullable Object value) {
    return mapper.writeValueAsBytes(value);
  }

  /** The body as JSON when it says it is JSON and parses, else as text. */
  static @Nullable Object read(Map<String, String> headers, byte[] body) {
    if (body.length == 0) {
      return null;
    }
    String type = headers.getOrDefault("content-type", "");
    if (type.contains("json")) {
      try {
        return mapper.readValue(body, Object.class);
      } catch (JacksonException e) {
        // fall through: kept as text
      }
    }
    return new String(body, StandardCharsets.UTF_8);
  }
}
