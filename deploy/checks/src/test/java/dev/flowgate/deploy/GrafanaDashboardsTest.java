package dev.flowgate.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** deploy/observability/grafana: provisioning and the dashboards' JSON. */
class GrafanaDashboardsTest {

  static final Path GRAFANA = Repo.path("deploy/observability/grafana");

  static Map<String, Map<String, Object>> dashboards() {
    Map<String, Map<String, Object>> dashboards = new TreeMap<>();
    try (Stream<Path> files = Files.list(GRAFANA.resolve("dashboards"))) {
      files.filter(f -> f.toString().endsWith(".json")).forEach(f -> dashboards.put(f.getFileName().toString(), Repo.json(f)));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return dashboards;
  }

  /** Every panel, including those nested in (collapsed) rows. */
  static List<Map<String, Object>> panels(Map<String, Object> dashboard) {
    List<Map<String, Object>> panels = new ArrayList<>();
    for (Object panel : Repo.list(dashboard.get("panels"))) {
      panels.add(Repo.map(panel));
      Repo.list(Repo.map(panel).get("panels")).forEach(p -> panels.add(Repo.map(p)));
    }
    return panels;
  }

  static String datasourceUid() {
    Map<String, Object> provisioning = Repo.yaml(GRAFANA.resolve("provisioning/datasources/prometheus.yml"));
    List<Object> datasources = Repo.list(provisioning.get("datasources"));
    assertThat(datasources).hasSize(1);
    assertThat(Repo.string(datasources.getFirst(), "type")).isEqualTo("prometheus");
    return Repo.string(datasources.getFirst(), "uid");
  }

  @Test
  void the_four_dashboards_exist_with_unique_uids_and_titles() {
    Map<String, Map<String, Object>> dashboards = dashboards();
    Set<String> uids = new HashSet<>();
    Set<String> titles = new HashSet<>();
    dashboards.forEach((file, dashboard) -> {
      assertThat(uids.add(Repo.string(dashboard, "uid"))).as("uid of %s is unique", file).isTrue();
      assertThat(titles.add(Repo.string(dashboard, "title"))).as("title of %s is unique", file).isTrue();
      assertThat(dashboard).as(file).containsKeys("schemaVersion", "panels", "time");
    });
    assertThat(uids).contains("flowgate-gateway", "flowgate-metering", "flowgate-workflows", "flowgate-business");
  }

  @Test
  void panel_ids_are_unique_and_every_panel_queries_the_provisioned_datasource() {
    String uid = datasourceUid();
    dashboards().forEach((file, dashboard) -> {
      Set<Object> ids = new HashSet<>();
      for (Map<String, Object> panel : panels(dashboard)) {
        assertThat(ids.add(panel.get("id"))).as("panel id %s in %s is unique", panel.get("id"), file).isTrue();
        assertThat(Repo.at(panel, "gridPos.w")).as("gridPos of panel %s in %s", panel.get("id"), file).isNotNull();
        int right = (Integer) Repo.at(panel, "gridPos.x") + (Integer) Repo.at(panel, "gridPos.w");
        assertThat(right).as("panel %s in %s fits the 24 columns", panel.get("id"), file).isLessThanOrEqualTo(24);
        if ("row".equals(panel.get("type"))) {
          continue;
        }
        assertThat(Repo.string(panel, "datasource.uid")).as("datasource of panel %s in %s", panel.get("title"), file).isEqualTo(uid);
        List<Object> targets = Repo.list(panel.get("targets"));
        assertThat(targets).as("queries of panel %s in %s", panel.get("title"), file).isNotEmpty();
        Set<String> refIds = new HashSet<>();
        for (Object target : targets) {
          assertThat(Repo.string(target, "expr")).as("expr in panel %s of %s", panel.get("title"), file).isNotBlank();
          assertThat(refIds.add(Repo.string(target, "refId"))).as("refId in panel %s of %s", panel.get("title"), file).isTrue();
          String datasource = Repo.string(target, "datasource.uid");
          assertThat(datasource == null || datasource.equals(uid)).as("target datasource in %s", file).isTrue();
        }
      }
      for (Object variable : Repo.list(Repo.at(dashboard, "templating.list"))) {
        if ("query".equals(Repo.string(variable, "type"))) {
          assertThat(Repo.string(variable, "datasource.uid")).as("datasource of variable in %s", file).isEqualTo(uid);
        }
      }
    });
  }

  @Test
  void gateway_dashboard_shows_rps_errors_and_latency_percentiles_by_tenant_and_route() {
    String exprs = String.join("\n", panels(dashboards().get("gateway.json")).stream()
        .flatMap(p -> Repo.list(p.get("targets")).stream()).map(t -> Repo.string(t, "expr")).toList());
    assertThat(exprs).contains("rate(http_requests_total", "status=~\"5..\"");
    for (String quantile : List.of("0.5", "0.95", "0.99")) {
      assertThat(exprs).contains("histogram_quantile(" + quantile + ", sum by (le, tenant, route)");
    }
  }

  @Test
  void provisioning_loads_the_dashboards_from_where_compose_mounts_them() {
    Map<String, Object> provider = Repo.map(Repo.list(Repo.yaml(GRAFANA.resolve("provisioning/dashboards/flowgate.yml")).get("providers")).getFirst());
    String path = Repo.string(provider, "options.path");
    List<Object> volumes = Repo.list(ComposeFileTest.service("grafana").get("volumes"));
    assertThat(volumes).as("grafana volumes").contains("../observability/grafana/dashboards:" + path + ":ro");
    assertThat(Repo.read(GRAFANA.resolve("provisioning/datasources/prometheus.yml"))).contains("${FLOWGATE_PROMETHEUS_URL}");
    assertThat(ComposeFileTest.environment("grafana")).containsEntry("FLOWGATE_PROMETHEUS_URL", "http://prometheus:9090");
  }
}
