package dev.flowgate.portal.catalog;

import com.fasterxml.jackson.annotation.JsonIgnore;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.node.ObjectNode;

/**
 * One operation of a service's own OpenAPI document, as a route publishes it.
 *
 * @param path the public path template through the gateway ({@code /shop/orders/{id}})
 * @param specPath the path as the document names it
 * @param operation the document's operation object, with the path's own parameters added; its
 *     {@code $ref}s point into {@code components}
 * @param components the document's components, which the operation's references resolve against
 */
public record CatalogOperation(String method, String path, String specPath, @Nullable String summary,
    ObjectNode operation, @JsonIgnore ObjectNode components) {

  /** How the console lists it: {@code GET /shop/orders/{id} · Get an order}. */
  public String label() {
    return method + " " + path + (summary == null || summary.isBlank() ? "" : " · " + summary);
  }
}
