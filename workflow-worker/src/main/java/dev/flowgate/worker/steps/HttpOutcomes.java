package dev.flowgate.worker.steps;

import java.util.LinkedHashMap;
import java.util.Map;

/** Turns an HTTP answer into a step output, or into the step's typed failure. */
final class HttpOutcomes {

  private HttpOutcomes() {}

  static Map<String, Object> output(String what, StepHttpClient.Response response) {
    int status = response.status();
    Object body = JsonBodies.read(response.headers(), response.body());
    if (status >= 500 || status == 408 || status == 429) {
      throw StepFailures.retryable(StepFailures.UPSTREAM_FAILED, what + " answered " + status + excerpt(body));
    }
    if (status >= 400) {
      throw StepFailures.fatal(StepFailures.REQUEST_REJECTED, what + " answered " + status + excerpt(body));
    }
    Map<String, Object> output = new LinkedHashMap<>();
    output.put("status", status);
    output.put("headers", response.headers());
    output.put("body", body);
    return output;
  }

  private static String excerpt(Object body) {
    if (body == null) {
      return "";
    }
    String text = String.valueOf(body);
    return ": " + (text.length() > 200 ? text.substring(0, 200) + "…" : text);
  }
}
