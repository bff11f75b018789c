package dev.flowgate.gateway.pipeline;

import dev.flowgate.gateway.problems.Problem;
import dev.flowgate.gateway.problems.ProblemType;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * Refuses paths a prefix route could be tricked with: not absolute, or with dot segments
 * ({@code /orders/../admin}), plain, percent-encoded, behind a backslash or as {@code ..;}.
 */
final class RequestSanityStage implements RequestStage {

  @Override
  public @Nullable Problem apply(Exchange exchange) {
    String path = exchange.path();
    if (!path.startsWith("/")) {
      return Problem.of(ProblemType.MALFORMED_REQUEST, "The request path must start with '/'.");
    }
    // upstreams differ in what they read as a separator: a backslash (IIS, some Java stacks) and a
    // ';' path parameter ("/..;/admin" is ".." to Tomcat) must not smuggle a dot segment past routing
    String lower = path.toLowerCase(Locale.ROOT).replace("%2e", ".").replace("%2f", "/").replace("%5c", "/")
        .replace('\\', '/').replace("%3b", ";");
    if (lower.contains("/../") || lower.endsWith("/..") || lower.contains("/./") || lower.endsWith("/.")
        || lower.contains("/..;") || lower.contains("/.;")) {
      return Problem.of(ProblemType.MALFORMED_REQUEST, "The request path must not contain dot segments.");
    }
    return null;
  }
}
