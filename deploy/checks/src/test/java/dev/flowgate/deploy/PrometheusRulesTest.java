package dev.flowgate.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** deploy/observability/prometheus: scrape configuration and the alert rules of PRODUCT.md. */
class PrometheusRulesTest {

  static final Map<String, Object> CONFIG = Repo.yaml(Repo.path("deploy/observability/prometheus/prometheus.yml"));
  static final Map<String, Object> RULES = Repo.yaml(Repo.path("deploy/observability/prometheus/alerts.yml"));
  static final Set<String> SEVERITIES = Set.of("critical", "warning", "info");

  static Map<String, Map<String, Object>> alerts() {
    Map<String, Map<String, Object>> alerts = new LinkedHashMap<>();
    for (Object group : Repo.list(RULES.get("groups"))) {
      assertThat(Repo.string(group, "name")).isNotBlank();
      for (Object rule : Repo.list(Repo.at(group, "rules"))) {
        String name = Repo.string(rule, "alert");
        assertThat(name).as("every rule is an alert (no recording rules yet)").isNotBlank();
        assertThat(alerts.put(name, Repo.map(rule))).as("alert %s is unique", name).isNull();
      }
    }
    return alerts;
  }

  @Test
  void every_alert_has_an_expression_a_duration_a_severity_and_a_summary() {
    assertThat(alerts()).isNotEmpty();
    alerts().forEach((name, rule) -> {
      assertThat(Repo.string(rule, "expr")).as("expr of %s", name).isNotBlank();
      assertThat(Repo.string(rule, "for")).as("for of %s", name).matches("\\d+[smh]");
      assertThat(SEVERITIES).as("labels.severity of %s", name).contains(Repo.string(rule, "labels.severity"));
      assertThat(Repo.string(rule, "annotations.summary")).as("annotations.summary of %s", name).isNotBlank();
    });
  }

  @Test
  void the_product_alerts_exist_with_their_thresholds() {
    Map<String, Map<String, Object>> alerts = alerts();
    assertAlert(alerts, "GatewayDown", "1m", "up{job=\"gateway-runtime\"}");
    assertAlert(alerts, "GatewayHighServerErrorRatio", "5m", "status=~\"5..\"", "> 0.01");
    assertAlert(alerts, "GatewayHighLatencyP99", "5m", "histogram_quantile(0.99", "http_request_duration_seconds_bucket", "> 0.5");
    assertAlert(alerts, "MeteringConsumerLagHigh", null, "kafka_consumer_fetch_manager_records_lag", "> 10000");
    assertAlert(alerts, "MeteringDelayHigh", null, "> 10");
    assertAlert(alerts, "GatewayCircuitOpen", null, "flowgate_gateway_circuit_breaker_state", "== 1");
    assertAlert(alerts, "WorkflowTaskFailures", null, "temporal_workflow_task_execution_failed_total");
  }

  private static void assertAlert(Map<String, Map<String, Object>> alerts, String name, String duration, String... fragments) {
    assertThat(alerts).as("alerts").containsKey(name);
    String expr = Repo.string(alerts.get(name), "expr").replaceAll("\\s+", " ");
    assertThat(expr).as("expr of %s", name).contains(fragments);
    if (duration != null) {
      assertThat(Repo.string(alerts.get(name), "for")).as("for of %s", name).isEqualTo(duration);
    }
  }

  @Test
  void every_runtime_is_scraped_on_its_real_metrics_path_and_port() {
    Map<String, Map<String, Object>> jobs = new LinkedHashMap<>();
    Repo.list(CONFIG.get("scrape_configs")).forEach(j -> jobs.put(Repo.string(j, "job_name"), Repo.map(j)));
    for (Runtime runtime : Runtime.ALL) {
      Map<String, Object> job = jobs.get(runtime.module());
      assertThat(job).as("scrape job %s", runtime).isNotNull();
      assertThat(job.get("metrics_path")).as("metrics_path of %s", runtime).isEqualTo(runtime.config().metricsPath());
      List<Object> targets = new ArrayList<>();
      Repo.list(job.get("static_configs")).forEach(c -> targets.addAll(Repo.list(Repo.at(c, "targets"))));
      assertThat(targets).as("targets of %s", runtime).containsExactly(runtime.module() + ":" + runtime.healthPort());
      assertThat(ComposeFileTest.services()).as("compose service behind %s", runtime).containsKey(runtime.module());
    }
    assertThat(Repo.list(CONFIG.get("rule_files"))).contains("alerts.yml");
  }

  @Test
  void expressions_select_jobs_that_are_scraped() {
    Set<String> jobs = new HashSet<>();
    Repo.list(CONFIG.get("scrape_configs")).forEach(j -> jobs.add(Repo.string(j, "job_name")));
    Matcher m = Pattern.compile("job=\"([^\"]+)\"").matcher(String.join("\n", MetricNames.expressions()));
    while (m.find()) {
      assertThat(jobs).as("job selected in an alert or dashboard").contains(m.group(1));
    }
  }

  @Test
  void flowgate_metrics_in_rules_and_dashboards_are_registered_by_a_runtime() {
    assertThat(MetricNames.unknown()).as("metric names neither registered in runtime sources nor from a known library").isEmpty();
  }
}
