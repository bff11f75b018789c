package dev.flowgate.gateway.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.flowgate.contracts.config.GatewaySnapshot;
import dev.flowgate.contracts.config.GatewaySnapshot.Service;
import dev.flowgate.contracts.config.GatewaySnapshot.Tenant;
import dev.flowgate.gateway.support.TestSnapshots;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class RouteTableTest {

  private final TestSnapshots snapshots = new TestSnapshots();
  private final Tenant acme = snapshots.tenant("acme");
  private final Service orders = snapshots.service(acme, "http://orders.internal:9000/v1/");

  private RouteTable table() {
    GatewaySnapshot snapshot = snapshots.build();
    Map<UUID, Service> services = snapshot.services().stream().collect(Collectors.toMap(Service::id, Function.identity()));
    Map<UUID, Upstream> upstreams = snapshot.services().stream()
        .collect(Collectors.toMap(Service::id, s -> Upstream.of(s, 2000, 45000)));
    return RouteTable.build(snapshot.routes(), services, upstreams);
  }

  private String matchedRoute(String method, String path) {
    return matchedRoute("gw.example", method, path);
  }

  private String matchedRoute(String host, String method, String path) {
    RouteMatch match = table().match(acme.id(), host, method, path);
    return match == null ? "none" : match.route().name();
  }

  @Test
  void a_longer_prefix_wins_over_a_shorter_one_whatever_the_order_they_were_saved_in() {
    snapshots.route(orders, "all", "/");
    snapshots.route(orders, "orders", "/orders");
    snapshots.route(orders, "order-items", "/orders/items");

    assertThat(matchedRoute("GET", "/orders/items/3")).isEqualTo("order-items");
    assertThat(matchedRoute("GET", "/orders/7")).isEqualTo("orders");
    assertThat(matchedRoute("GET", "/customers")).isEqualTo("all");
  }

  @Test
  void an_exact_path_wins_over_a_prefix_of_the_same_length() {
    snapshots.route(orders, "orders-prefix", "/orders");
    snapshots.route(orders, "orders-exact", "=/orders");

    assertThat(matchedRoute("GET", "/orders")).isEqualTo("orders-exact");
    assertThat(matchedRoute("GET", "/orders/1")).isEqualTo("orders-prefix");
  }

  @Test
  void an_exact_path_matches_only_itself() {
    snapshots.route(orders, "health", "=/health");

    assertThat(matchedRoute("GET", "/health")).isEqualTo("health");
    assertThat(matchedRoute("GET", "/health/deep")).isEqualTo("none");
  }

  @Test
  void a_prefix_matches_on_segment_boundaries_only() {
    snapshots.route(orders, "orders", "/orders/*");

    assertThat(matchedRoute("GET", "/orders")).isEqualTo("orders");
    assertThat(matchedRoute("GET", "/orders/")).isEqualTo("orders");
    assertThat(matchedRoute("GET", "/orders-old")).isEqualTo("none");
  }

  @Test
  void a_route_with_methods_serves_only_those_methods_and_wins_over_any_method() {
    snapshots.route(orders, "read", List.of("/orders"), List.of("get"), List.of(), false);
    snapshots.route(orders, "any", List.of("/orders"), List.of(), List.of(), false);
    snapshots.route(orders, "write-only", List.of("/invoices"), List.of("POST"), List.of(), false);

    assertThat(matchedRoute("GET", "/orders")).isEqualTo("read");
    assertThat(matchedRoute("DELETE", "/orders")).isEqualTo("any");
    assertThat(matchedRoute("GET", "/invoices")).isEqualTo("none");
  }

  @Test
  void a_route_with_hosts_serves_only_those_hosts_and_wins_over_a_route_without() {
    snapshots.route(orders, "api-host", List.of("/orders"), List.of(), List.of("API.acme.com"), false);
    snapshots.route(orders, "wildcard", List.of("/orders"), List.of(), List.of("*.acme.com"), false);
    snapshots.route(orders, "any-host", List.of("/orders"), List.of(), List.of(), false);

    assertThat(matchedRoute("api.acme.com", "GET", "/orders")).isEqualTo("api-host");
    assertThat(matchedRoute("eu.acme.com", "GET", "/orders")).isEqualTo("wildcard");
    assertThat(matchedRoute("acme.com", "GET", "/orders")).isEqualTo("any-host");
    assertThat(table().tenantForHost("api.acme.com")).isEqualTo(acme.id());
  }

  @Test
  void strip_path_removes_the_matched_prefix_and_keeps_the_services_base_path() {
    snapshots.route(orders, "stripped", List.of("/shop/orders"), List.of(), List.of(), true);
    snapshots.route(orders, "kept", List.of("/catalog"), List.of(), List.of(), false);

    assertThat(table().match(acme.id(), "h", "GET", "/shop/orders/7").upstreamPath()).isEqualTo("/v1/7");
    assertThat(table().match(acme.id(), "h", "GET", "/shop/orders").upstreamPath()).isEqualTo("/v1");
    assertThat(table().match(acme.id(), "h", "GET", "/catalog/items").upstreamPath()).isEqualTo("/v1/catalog/items");
  }

  @Test
  void strip_path_on_a_service_without_base_path_leaves_the_root() {
    Service bare = snapshots.service(acme, "http://bare.internal");
    snapshots.route(bare, "bare", "/api");

    RouteMatch match = table().match(acme.id(), "h", "GET", "/api");
    assertThat(match.upstreamPath()).isEqualTo("/");
    assertThat(match.upstream().host()).isEqualTo("bare.internal");
    assertThat(match.upstream().port()).isEqualTo(80);
  }

  @Test
  void another_tenants_routes_are_never_matched() {
    Tenant globex = snapshots.tenant("globex");
    snapshots.route(snapshots.service(globex, "http://globex.internal"), "globex-orders", "/orders");

    assertThat(matchedRoute("GET", "/orders")).isEqualTo("none");
  }

  @Test
  void a_host_claimed_by_two_tenants_is_refused() {
    Tenant globex = snapshots.tenant("globex");
    snapshots.route(orders, "a", List.of("/a"), List.of(), List.of("shared.example"), false);
    snapshots.route(snapshots.service(globex, "http://g.internal"), "b", List.of("/b"), List.of(), List.of("shared.example"), false);

    assertThatThrownBy(this::table).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("shared.example");
  }

  @Test
  void a_path_that_is_not_absolute_is_refused() {
    assertThatThrownBy(() -> PathPattern.parse("orders")).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void route_paths_parse_into_exact_and_prefix_patterns() {
    assertThat(PathPattern.parse("=/health")).isEqualTo(new PathPattern("/health", true));
    assertThat(PathPattern.parse("/orders/*")).isEqualTo(new PathPattern("/orders", false));
    assertThat(PathPattern.parse("/orders/")).isEqualTo(new PathPattern("/orders", false));
    assertThat(PathPattern.parse("/")).isEqualTo(new PathPattern("/", false));
  }
}
