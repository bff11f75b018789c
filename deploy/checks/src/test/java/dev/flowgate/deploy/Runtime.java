package dev.flowgate.deploy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The four runtimes with the ports PRODUCT.md fixes ("Local ports"): portal 8080, gateway 8000 (proxy)
 * and 8001 (health, /metrics), workflow-worker 8082, billing 8083. Everything else about them is read
 * from their own configuration ({@link AppConfig}).
 *
 * @param module the Maven module, also the compose service, Deployment and Prometheus job name
 * @param contractPorts every port the runtime listens on
 * @param healthPort where health and metrics are served
 */
record Runtime(String module, List<Integer> contractPorts, int healthPort) {

  static final Runtime PORTAL = new Runtime("portal", List.of(8080), 8080);
  static final Runtime GATEWAY = new Runtime("gateway-runtime", List.of(8000, 8001), 8001);
  static final Runtime WORKER = new Runtime("workflow-worker", List.of(8082), 8082);
  static final Runtime BILLING = new Runtime("billing", List.of(8083), 8083);

  static final List<Runtime> ALL = List.of(PORTAL, GATEWAY, WORKER, BILLING);

  static Runtime named(String module) {
    return ALL.stream()
        .filter(r -> r.module.equals(module))
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException("not a runtime: " + module));
  }

  AppConfig config() {
    Path resources = Repo.path(module + "/src/main/resources");
    for (String name : List.of("application.yml", "application.yaml")) {
      if (Files.isRegularFile(resources.resolve(name))) {
        return new AppConfig(module, resources.resolve(name));
      }
    }
    throw new IllegalStateException("no application.yml in " + resources);
  }

  Path sources() {
    return Repo.path(module + "/src/main/java");
  }

  @Override
  public String toString() {
    return module;
  }
}
