package dev.flowgate.portal.catalog;

/**
 * How the gateway reads a route path: {@code =/health} is exact, anything else a prefix on segment
 * boundaries ({@code /orders} and {@code /orders/*} both match {@code /orders/42}). Mirrors the
 * gateway's {@code PathPattern}, so the console only sends what the chosen route would serve.
 */
final class RoutePaths {

  private RoutePaths() {}

  static boolean isExact(String raw) {
    return raw.startsWith("=");
  }

  /** The path without its markers: {@code /orders/*} → {@code /orders}. */
  static String base(String raw) {
    String path = isExact(raw) ? raw.substring(1) : raw;
    if (!isExact(raw) && path.endsWith("*")) {
      path = path.substring(0, path.length() - 1);
    }
    if (!isExact(raw) && path.length() > 1 && path.endsWith("/")) {
      path = path.substring(0, path.length() - 1);
    }
    return path.isEmpty() ? "/" : path;
  }

  static boolean matches(String raw, String requestPath) {
    String path = base(raw);
    if (isExact(raw)) {
      return requestPath.equals(path);
    }
    if (path.equals("/")) {
      return true;
    }
    return requestPath.startsWith(path)
        && (requestPath.length() == path.length() || requestPath.charAt(path.length()) == '/');
  }
}
