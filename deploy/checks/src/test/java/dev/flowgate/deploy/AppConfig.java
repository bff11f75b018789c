package dev.flowgate.deploy;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * What a runtime's application.yml says about its environment: every {@code ${NAME:default}}
 * placeholder, its ports and its actuator paths.
 */
final class AppConfig {

  static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)(?::([^}]*))?}");

  private final String module;
  private final Path file;
  private final Map<String, Object> yaml;
  private final Map<String, String> placeholders = new LinkedHashMap<>();

  AppConfig(String module, Path file) {
    this.module = module;
    this.file = file;
    this.yaml = Repo.yaml(file);
    Matcher m = PLACEHOLDER.matcher(Repo.read(file));
    while (m.find()) {
      placeholders.putIfAbsent(m.group(1), m.group(2) == null ? "" : m.group(2));
    }
  }

  Path file() {
    return file;
  }

  /** Every placeholder name with its default ("" when none). */
  Map<String, String> placeholders() {
    return placeholders;
  }

  /** The Flowgate and Stripe variables the runtime reads: what a deployment has to provide. */
  Set<String> flowgateVariables() {
    return placeholders.keySet().stream()
        .filter(n -> n.startsWith("FLOWGATE_") || n.startsWith("STRIPE_"))
        .collect(Collectors.toCollection(java.util.TreeSet::new));
  }

  /** Variables whose local default is a loopback address (URL or host:port): wrong anywhere but on one machine. */
  Set<String> loopbackDefaults() {
    return placeholders.entrySet().stream()
        .filter(e -> e.getValue().contains("://") || e.getValue().matches("[\\w.-]+:\\d+(,.*)?"))
        .filter(e -> e.getValue().contains("127.0.0.1") || e.getValue().contains("localhost"))
        .map(Map.Entry::getKey)
        .collect(Collectors.toCollection(java.util.TreeSet::new));
  }

  int serverPort() {
    return resolveInt(Repo.at(yaml, "server.port"), 8080);
  }

  /** The variable server.port is read from, or null when it is fixed. */
  String serverPortVariable() {
    Object value = Repo.at(yaml, "server.port");
    Matcher m = value == null ? null : PLACEHOLDER.matcher(value.toString());
    return m != null && m.matches() ? m.group(1) : null;
  }

  /** Where actuator answers: management.server.port, else server.port. */
  int managementPort() {
    Object port = Repo.at(yaml, "management.server.port");
    return port == null ? serverPort() : resolveInt(port, serverPort());
  }

  int resolveInt(Object value, int fallback) {
    if (value == null) {
      return fallback;
    }
    String text = value.toString();
    Matcher m = PLACEHOLDER.matcher(text);
    return Integer.parseInt(m.matches() ? m.group(2) : text);
  }

  String healthPath() {
    return endpointPath("health");
  }

  String metricsPath() {
    return endpointPath("prometheus");
  }

  boolean probesEnabled() {
    return Boolean.parseBoolean(String.valueOf(Repo.at(yaml, "management.endpoint.health.probes.enabled")));
  }

  List<String> exposedEndpoints() {
    Object include = Repo.at(yaml, "management.endpoints.web.exposure.include");
    if (include instanceof List<?> list) {
      return list.stream().map(Object::toString).map(String::strip).toList();
    }
    return include == null ? List.of() : Arrays.stream(include.toString().split(",")).map(String::strip).toList();
  }

  /** management.endpoints.web.base-path (default /actuator) + the endpoint's path mapping. */
  private String endpointPath(String endpoint) {
    Object base = Repo.at(yaml, "management.endpoints.web.base-path");
    Object mapped = Repo.at(yaml, "management.endpoints.web.path-mapping." + endpoint);
    String path = (base == null ? "/actuator" : base.toString()) + "/" + (mapped == null ? endpoint : mapped.toString());
    return path.replaceAll("/+", "/");
  }

  @Override
  public String toString() {
    return module + " (" + Repo.ROOT.relativize(file) + ")";
  }
}
