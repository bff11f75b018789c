package dev.flowgate.gateway.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.flowgate.contracts.config.GatewaySnapshot.Route;
import dev.flowgate.contracts.config.GatewaySnapshot.Service;
import dev.flowgate.gateway.routing.PathPattern;
import dev.flowgate.gateway.routing.RouteMatch;
import dev.flowgate.gateway.routing.RouteTable;
import dev.flowgate.gateway.routing.Upstream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * The gateway's route matcher. An input is text: one route path per line, a blank line, then the
 * request path. Properties: building the table fails only with IllegalArgumentException (a bad
 * path), matching never throws; a match is a route whose pattern matches on a segment boundary (so
 * {@code /orders} never serves {@code /orders-admin}); no match means no route's pattern matches;
 * the upstream path stays under the service's base path, also once dot segments are resolved, for
 * every request path the gateway lets through (no dot segments, plain or percent-encoded).
 */
class RouteMatcherFuzzTest {

  private static final UUID TENANT = UUID.fromString("00000000-0000-0000-0000-0000000000aa");
  private static final Service SERVICE = new Service(UUID.fromString("00000000-0000-0000-0000-0000000000bb"), TENANT,
      "orders", "http://orders.internal:9000/v1/", 0, 0, 0, null);
  private static final Upstream UPSTREAM = Upstream.of(SERVICE, 2000, 45000);

  @FuzzTest(maxDuration = "10s")
  void a_request_reaches_only_a_route_whose_pattern_matches_and_stays_under_the_base_path(byte[] input) {
    String text = new String(input, StandardCharsets.UTF_8);
    int blank = text.indexOf("\n\n");
    List<String> paths = blank < 0 ? List.of("/") : List.of(text.substring(0, blank).split("\n"));
    String requestPath = blank < 0 ? text : text.substring(blank + 2);

    List<Route> routes = new ArrayList<>();
    for (int i = 0; i < paths.size(); i++) {
      List<String> hosts = switch (i % 3) {
        case 1 -> List.of("*.example");
        case 2 -> List.of("api.example");
        default -> List.of();
      };
      routes.add(new Route(new UUID(0, i + 1), TENANT, SERVICE.id(), "r" + i, List.of(paths.get(i)), List.of(), hosts,
          i % 2 == 0, List.of()));
    }
    RouteTable table;
    try {
      table = RouteTable.build(routes, Map.of(SERVICE.id(), SERVICE), Map.of(SERVICE.id(), UPSTREAM));
    } catch (IllegalArgumentException documented) {
      return;
    }

    RouteMatch match = table.match(TENANT, "api.example", "GET", requestPath);

    if (match == null) {
      assertThat(paths).as("no route matched %s", requestPath).noneMatch(p -> matches(PathPattern.parse(p), requestPath));
      return;
    }
    PathPattern pattern = PathPattern.parse(match.route().paths().getFirst());
    assertThat(matches(pattern, requestPath)).as("%s served %s", pattern, requestPath).isTrue();
    String base = UPSTREAM.basePath();
    assertThat(match.upstreamPath()).startsWith(base);
    String rest = match.upstreamPath().substring(base.length());
    assertThat(rest.isEmpty() || rest.startsWith("/")).as("upstream path %s", match.upstreamPath()).isTrue();
    if (passesSanity(requestPath) && !match.upstreamPath().contains("%") && !match.upstreamPath().contains("\\")) {
      String normalized = normalized(match.upstreamPath());
      if (normalized != null) {
        assertThat(normalized.equals(base) || normalized.startsWith(base + "/"))
            .as("%s resolves to %s, outside %s", match.upstreamPath(), normalized, base).isTrue();
      }
    }
  }

  /** The documented rule, independently: exact, or a prefix ending on a segment boundary. */
  private static boolean matches(PathPattern pattern, String path) {
    String p = pattern.path();
    if (pattern.exact()) {
      return path.equals(p);
    }
    return p.equals("/") || path.equals(p) || path.startsWith(p + "/");
  }

  /** What RequestSanityStage lets through: absolute, no dot segments plain or percent-encoded. */
  private static boolean passesSanity(String path) {
    String lower = path.toLowerCase(Locale.ROOT).replace("%2e", ".").replace("%2f", "/").replace("%5c", "/");
    return path.startsWith("/") && !lower.contains("/../") && !lower.endsWith("/..") && !lower.contains("/./")
        && !lower.endsWith("/.");
  }

  private static String normalized(String path) {
    try {
      return new URI(null, null, path, null).normalize().getPath();
    } catch (Exception notAPath) {
      return null;
    }
  }
}
