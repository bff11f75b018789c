package dev.flowgate.portal.catalog;

import java.net.URI;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/**
 * Where an operation of a service's own OpenAPI document is reached through a route. The gateway
 * sends the upstream {@code basePath + rest}, where {@code rest} is the request path with the
 * route's prefix taken off ({@code stripPath}) or the whole request path; the document's operation
 * lives upstream at {@code serverPath + specPath}. Solving for the request path maps the route's
 * public prefix onto the document's server path. Path templates ({@code /orders/{id}}) pass through
 * unchanged, as segments of their own.
 */
final class SpecPaths {

  private SpecPaths() {}

  /**
   * @param routePath the route path as configured ({@code /shop}, {@code /shop/*}, {@code =/health})
   * @param basePath the path of the service's URL, no trailing slash, or empty
   * @param serverPath the path of the document's server URL, no trailing slash, or empty
   * @param specPath a key of the document's {@code paths}
   * @return the public path template, or empty when the route does not reach the operation
   */
  static Optional<String> publicPath(String routePath, boolean stripPath, String basePath, String serverPath,
      String specPath) {
    String upstream = serverPath + (specPath.startsWith("/") ? specPath : "/" + specPath);
    String rest;
    if (basePath.isEmpty()) {
      rest = upstream;
    } else if (upstream.equals(basePath) || upstream.startsWith(basePath + "/")) {
      rest = upstream.substring(basePath.length());
    } else {
      return Optional.empty(); // the service's URL already points past this operation
    }
    String base = RoutePaths.base(routePath);
    String candidate;
    if (stripPath) {
      if (RoutePaths.isExact(routePath)) {
        // an exact route forwards nothing after its path: only the upstream base itself is reached
        return rest.isEmpty() || rest.equals("/") ? Optional.of(base) : Optional.empty();
      }
      candidate = rest.isEmpty() || rest.equals("/") ? base : (base.equals("/") ? "" : base) + rest;
    } else {
      candidate = rest.isEmpty() ? "/" : rest;
    }
    return RoutePaths.matches(routePath, candidate) ? Optional.of(candidate) : Optional.empty();
  }

  /** The path of a URL ({@code https://api.example.com/v1/} → {@code /v1}), or empty. */
  static String pathOf(String url) {
    String path;
    try {
      URI uri = URI.create(url.strip());
      path = uri.getRawPath() == null ? "" : uri.getRawPath();
    } catch (IllegalArgumentException e) {
      return "";
    }
    while (path.endsWith("/")) {
      path = path.substring(0, path.length() - 1);
    }
    return path;
  }

  /**
   * The path of the document's first server, with server variables at their defaults; empty when
   * it names no server (OpenAPI then means {@code /}).
   */
  static String serverPath(JsonNode document) {
    JsonNode server = document.path("servers").path(0);
    String url = server.path("url").asString("");
    for (var variable : server.path("variables").properties()) {
      url = url.replace("{" + variable.getKey() + "}", variable.getValue().path("default").asString(""));
    }
    return url.isEmpty() ? "" : pathOf(url.startsWith("/") ? "http://server" + url : url);
  }
}
