package dev.flowgate.portal.catalog;

import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * One try-it call: a route of the tenant, a method it accepts, a path it serves (query allowed),
 * extra headers, a body, and the API key to present. The key is used for this call only.
 */
public record TryRequest(@Nullable UUID routeId, @Nullable String method, @Nullable String path,
    @Nullable Map<String, String> headers, @Nullable String body, @Nullable String apiKey) {

  /** Without the key: request bodies are logged by toString at DEBUG. */
  @Override
  public String toString() {
    return "TryRequest[routeId=" + routeId + ", method=" + method + ", path=" + path + ", apiKey=[PROTECTED]]";
  }
}
