package dev.flowgate.portal.catalog;

import java.util.List;
import java.util.UUID;

/**
 * One route as the catalog shows it.
 *
 * @param methods the methods it accepts; empty means any
 * @param paths its paths as configured ({@code /orders}, {@code /orders/*}, {@code =/health})
 * @param gatewayUrls where callers reach each path, through the gateway
 * @param policies one short line per policy, in order
 * @param operations the operations of the service's own OpenAPI document this route publishes;
 *     empty when the service has none (or none falls under the route): then it is documented generically
 */
public record CatalogRoute(UUID id, String name, UUID serviceId, String serviceName, List<String> methods,
    List<String> paths, List<String> gatewayUrls, List<String> policies, List<CatalogOperation> operations) {

  /** The methods to offer when the route accepts any. */
  public static final List<String> ANY_METHOD = List.of("GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS");

  public List<String> allowedMethods() {
    return methods.isEmpty() ? ANY_METHOD : methods;
  }
}
