package dev.flowgate.gateway.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.flowgate.contracts.EventCodec;
import dev.flowgate.contracts.config.GatewaySnapshot;
import dev.flowgate.contracts.config.GatewaySnapshot.Route;
import dev.flowgate.contracts.config.GatewaySnapshot.Tenant;
import dev.flowgate.gateway.support.TestSnapshots;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class RuntimeConfigTest {

  @Test
  void the_portals_wire_format_parses_into_an_index() throws Exception {
    byte[] json;
    try (InputStream in = getClass().getResourceAsStream("/portal-snapshot-sample.json")) {
      json = in.readAllBytes();
    }

    RuntimeConfig config = RuntimeConfig.parse(json, 2000, 45000);

    assertThat(config.version()).isEqualTo(17);
    assertThat(config.tenantByIdOrSlug("acme")).isNotNull();
    assertThat(config.routes().match(UUID.fromString("5f0c3c4e-8f0a-4d52-9a1e-0d1b2c3d4e5f"), "h", "GET", "/orders/7")
        .upstreamPath()).isEqualTo("/7");
  }

  @Test
  void text_that_is_not_a_snapshot_is_refused() {
    assertThatThrownBy(() -> RuntimeConfig.parse("{\"schemaVersion\":".getBytes(StandardCharsets.UTF_8), 1, 1))
        .isInstanceOf(InvalidSnapshotException.class);
    assertThatThrownBy(() -> RuntimeConfig.parse("[]".getBytes(StandardCharsets.UTF_8), 1, 1))
        .isInstanceOf(InvalidSnapshotException.class);
  }

  @Test
  void a_snapshot_of_an_unknown_schema_version_is_refused() {
    GatewaySnapshot built = new TestSnapshots().build();
    GatewaySnapshot future = new GatewaySnapshot(2, 1, built.generatedAt(), List.of(), List.of(), List.of(), List.of());

    assertThatThrownBy(() -> RuntimeConfig.from(future, 1, 1)).hasMessageContaining("schema version");
  }

  @Test
  void a_route_naming_an_unknown_or_foreign_service_refuses_the_whole_snapshot() {
    TestSnapshots snapshots = new TestSnapshots();
    Tenant acme = snapshots.tenant("acme");
    Tenant globex = snapshots.tenant("globex");
    snapshots.route(snapshots.service(globex, "http://g.internal"), "foreign", "/x");
    GatewaySnapshot built = snapshots.build();
    List<Route> routes = new ArrayList<>();
    for (Route r : built.routes()) {
      routes.add(new Route(r.id(), acme.id(), r.serviceId(), r.name(), r.paths(), r.methods(), r.hosts(), r.stripPath(),
          r.policies()));
    }
    GatewaySnapshot bad = new GatewaySnapshot(1, 2, built.generatedAt(), built.tenants(), built.services(), routes,
        built.keys());

    assertThatThrownBy(() -> RuntimeConfig.from(bad, 1, 1)).isInstanceOf(InvalidSnapshotException.class);
  }

  @Test
  void a_service_url_that_is_not_http_refuses_the_snapshot() {
    TestSnapshots snapshots = new TestSnapshots();
    snapshots.service(snapshots.tenant("acme"), "file:///etc/passwd");

    assertThatThrownBy(() -> RuntimeConfig.from(snapshots.build(), 1, 1)).hasMessageContaining("http");
  }

  @Test
  void a_snapshot_written_by_the_codec_reads_back_the_same() throws Exception {
    TestSnapshots snapshots = new TestSnapshots();
    Tenant acme = snapshots.tenant("acme");
    snapshots.route(snapshots.service(acme, "https://api.example.com/base"), "r", "=/exact");
    snapshots.key(acme, List.of("*"));

    RuntimeConfig config = RuntimeConfig.parse(EventCodec.toBytes(snapshots.build()), 2000, 45000);

    assertThat(config.keys().size()).isEqualTo(1);
    assertThat(config.routes().match(acme.id(), "h", "GET", "/exact").upstream().ssl()).isTrue();
  }
}
