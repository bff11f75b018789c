package dev.flowgate.gateway.problems;

import dev.flowgate.contracts.EventCodec;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * One failed call, rendered as {@code application/problem+json}.
 *
 * @param retryAfterSeconds set where a retry makes sense; becomes {@code retry_after} and the
 *     {@code Retry-After} header
 * @param errors what exactly was wrong, e.g. {@code [{"pointer": "/name", "message": ...}]}; null for none
 */
public record Problem(
    ProblemType type, String detail, @Nullable Integer retryAfterSeconds, @Nullable List<Map<String, String>> errors) {

  public static final String MEDIA_TYPE = "application/problem+json";

  public Problem(ProblemType type, String detail, @Nullable Integer retryAfterSeconds) {
    this(type, detail, retryAfterSeconds, null);
  }

  public static Problem of(ProblemType type, String detail) {
    return new Problem(type, detail, null);
  }

  public int status() {
    return type.status();
  }

  /** The JSON body; {@code instance} is the request path, {@code requestId} ties it to logs. */
  public byte[] toJson(String instance, String requestId) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("type", type.uri());
    body.put("title", type.title());
    body.put("status", type.status());
    body.put("detail", detail);
    body.put("instance", instance);
    body.put("requestId", requestId);
    if (retryAfterSeconds != null) {
      body.put("retry_after", retryAfterSeconds);
    }
    if (errors != null) {
      body.put("errors", errors);
    }
    return EventCodec.toBytes(body);
  }
}
