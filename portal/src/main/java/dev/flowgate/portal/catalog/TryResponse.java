package dev.flowgate.portal.catalog;

import java.util.List;
import java.util.Map;

/**
 * What the gateway answered to a try-it call.
 *
 * @param url the gateway URL called (never with the key)
 * @param headers response headers by lower-case name
 * @param body the body as text, cut at {@link GatewayConsole#MAX_RESPONSE_BYTES}
 * @param truncated whether the body was cut
 */
public record TryResponse(String method, String url, int status, Map<String, List<String>> headers, String body,
    boolean truncated, long durationMs) {

  /** The first value of a header, any case, or null. */
  public String header(String name) {
    List<String> values = headers.get(name.toLowerCase(java.util.Locale.ROOT));
    return values == null || values.isEmpty() ? null : values.get(0);
  }
}
