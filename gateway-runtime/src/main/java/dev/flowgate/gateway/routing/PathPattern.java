package dev.flowgate.gateway.routing;

/**
 * One route path: an exact path ({@code =/health}) or a prefix on segment boundaries
 * ({@code /orders}, {@code /orders/*}).
 *
 * @param path the path without its markers, no trailing slash (except the root {@code /})
 */
public record PathPattern(String path, boolean exact) {

  public static PathPattern parse(String raw) {
    boolean exact = raw.startsWith("=");
    String path = exact ? raw.substring(1) : raw;
    if (!exact && path.endsWith("*")) {
      path = path.substring(0, path.length() - 1);
    }
    if (!path.startsWith("/")) {
      throw new IllegalArgumentException("route path must start with '/': " + raw);
    }
    if (!exact && path.length() > 1 && path.endsWith("/")) {
      path = path.substring(0, path.length() - 1);
    }
    return new PathPattern(path, exact);
  }

  public boolean matches(String requestPath) {
    if (exact) {
      return requestPath.equals(path);
    }
    if (path.equals("/")) {
      return true;
    }
    return requestPath.startsWith(path)
        && (requestPath.length() == path.length() || requestPath.charAt(path.length()) == '/');
  }

  /** What is left of a matching request path once this pattern is stripped: empty or from a '/'. */
  public String remainder(String requestPath) {
    if (exact || path.equals("/")) {
      return exact ? "" : requestPath;
    }
    return requestPath.substring(path.length());
  }

  /** Longer patterns are more specific. */
  int specificity() {
    return path.equals("/") ? 0 : path.length();
  }
}
