package dev.flowgate.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Checks the metric names used in alert rules and dashboards. A {@code flowgate_*} or {@code http_*}
 * name must be a meter registered in some runtime's sources (Micrometer name with dots, as Prometheus
 * renders it: dots to underscores plus {@code _total}, {@code _seconds}, {@code _bucket}...). Anything
 * else must come from a library the runtimes use.
 */
final class MetricNames {

  /** Families the runtimes export through libraries, and where each comes from. */
  static final Map<String, String> LIBRARY_PREFIXES = Map.of(
      "kafka_consumer_", "Kafka client, Spring Boot's MicrometerConsumerListener (billing)",
      "kafka_producer_", "Kafka client, Spring Boot's MicrometerProducerListener (billing's dead-letter publisher)",
      "temporal_", "Temporal SDK, temporal-spring-boot-starter's Micrometer scope (workflow-worker)",
      "jvm_", "Micrometer JVM metrics",
      "process_", "Micrometer process metrics");

  static final Set<String> PROMQL_WORDS = Set.of(
      "sum", "rate", "increase", "by", "without", "on", "ignoring", "group_left", "group_right", "and", "or",
      "unless", "max", "min", "avg", "count", "topk", "bottomk", "histogram_quantile", "clamp_min", "clamp_max",
      "absent", "le", "offset", "bool", "label_values", "up", "humanize", "humanizePercentage", "humanizeDuration",
      "vector", "time", "abs");

  private static final Pattern IDENTIFIER = Pattern.compile("(?<![\\w.$])([a-zA-Z_:][a-zA-Z0-9_:]*)\\s*(\\()?");
  private static final Pattern SUFFIX = Pattern.compile("_(total|bucket|count|sum|max|seconds|bytes)$");

  private MetricNames() {}

  /** Every PromQL expression of the alert rules and the dashboards. */
  static List<String> expressions() {
    List<String> expressions = new ArrayList<>();
    for (Object group : Repo.list(PrometheusRulesTest.RULES.get("groups"))) {
      Repo.list(Repo.at(group, "rules")).forEach(r -> expressions.add(Repo.string(r, "expr")));
    }
    for (Map<String, Object> dashboard : GrafanaDashboardsTest.dashboards().values()) {
      for (Map<String, Object> panel : GrafanaDashboardsTest.panels(dashboard)) {
        Repo.list(panel.get("targets")).forEach(t -> expressions.add(Repo.string(t, "expr")));
      }
    }
    return expressions;
  }

  /** Metric names in the expressions that no runtime registers and no known library exports. */
  static Set<String> unknown() {
    String sources = runtimeSources();
    Set<String> unknown = new TreeSet<>();
    for (String expression : expressions()) {
      for (String name : names(expression)) {
        boolean library = LIBRARY_PREFIXES.keySet().stream().anyMatch(name::startsWith);
        if (!library && !registered(name, sources)) {
          unknown.add(name);
        }
      }
    }
    return unknown;
  }

  /** The metric names of an expression: its identifiers once strings, selectors, ranges, groupings and functions are removed. */
  static Set<String> names(String expression) {
    String bare = expression
        .replaceAll("\"[^\"]*\"", "\"\"")
        .replaceAll("\\{[^}]*}", " ")
        .replaceAll("\\b(by|without|on|ignoring|group_left|group_right)\\s*\\([^)]*\\)", " ")
        .replaceAll("\\[[^]]*]", " ");
    Set<String> names = new TreeSet<>();
    Matcher m = IDENTIFIER.matcher(bare);
    while (m.find()) {
      String word = m.group(1);
      boolean function = m.group(2) != null;
      if (!function && !PROMQL_WORDS.contains(word)) {
        names.add(word);
      }
    }
    return names;
  }

  private static boolean registered(String name, String sources) {
    String candidate = name;
    while (true) {
      if (sources.contains("\"" + candidate.replace('_', '.') + "\"")) {
        return true;
      }
      Matcher suffix = SUFFIX.matcher(candidate);
      if (!suffix.find()) {
        return false;
      }
      candidate = candidate.substring(0, suffix.start());
    }
  }

  private static String runtimeSources() {
    StringBuilder text = new StringBuilder();
    for (Runtime runtime : Runtime.ALL) {
      try (Stream<Path> files = Files.walk(runtime.sources())) {
        files.filter(f -> f.toString().endsWith(".java")).forEach(f -> text.append(Repo.read(f)).append('\n'));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return text.toString();
  }
}
