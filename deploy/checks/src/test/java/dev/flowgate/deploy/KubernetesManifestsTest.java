package dev.flowgate.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** deploy/k8s: the kustomize base's required fields and how its objects refer to each other. */
class KubernetesManifestsTest {

  static final Kustomization BASE = Kustomization.at("base");
  static final List<Kustomization> OVERLAYS = List.of(Kustomization.at("overlays/staging"), Kustomization.at("overlays/production"));
  static final Pattern SECRET_NAME = ComposeFileTest.SECRET_NAME;

  static List<Map<String, Object>> deployments() {
    return BASE.ofKind("Deployment");
  }

  static Map<String, Object> deployment(Runtime runtime) {
    return deployments().stream()
        .filter(d -> runtime.module().equals(Kustomization.name(d)))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no Deployment " + runtime.module() + " in deploy/k8s/base"));
  }

  static List<Map<String, Object>> containers(Map<String, Object> deployment) {
    return Repo.list(Repo.at(deployment, "spec.template.spec.containers")).stream().map(Repo::map).toList();
  }

  /** The pod template's labels as kustomize renders them. */
  static Map<String, Object> podLabels(Map<String, Object> deployment) {
    Map<String, Object> labels = new java.util.LinkedHashMap<>(Repo.map(Repo.at(deployment, "spec.template.metadata.labels")));
    labels.putAll(BASE.templateLabels());
    return labels;
  }

  static Map<String, Object> configMap() {
    return Repo.map(BASE.ofKind("ConfigMap").stream()
        .filter(c -> "flowgate-config".equals(Kustomization.name(c))).findFirst().orElseThrow().get("data"));
  }

  /** A probe's or Service's port, named or numbered, as the container port number. */
  static int portNumber(Map<String, Object> container, Object port) {
    if (port instanceof Integer number) {
      return number;
    }
    return Repo.list(container.get("ports")).stream()
        .map(Repo::map)
        .filter(p -> port.equals(p.get("name")))
        .map(p -> (Integer) p.get("containerPort"))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no container port named " + port + " in " + container.get("name")));
  }

  static boolean selects(Map<String, Object> matchLabels, Map<String, Object> labels) {
    return !matchLabels.isEmpty() && labels.entrySet().containsAll(matchLabels.entrySet());
  }

  @Test
  void base_has_a_deployment_and_a_service_per_runtime_and_nothing_unlisted() throws IOException {
    for (Runtime runtime : Runtime.ALL) {
      assertThat(containers(deployment(runtime))).hasSize(1);
      assertThat(BASE.ofKind("Service")).extracting(Kustomization::name).contains(runtime.module());
    }
    try (Stream<Path> files = Files.list(BASE.dir())) {
      List<Path> manifests = files.filter(f -> f.toString().endsWith(".yaml") && !f.endsWith("kustomization.yaml")).toList();
      assertThat(BASE.files("resources")).as("every manifest in base/ is a kustomization resource").containsAll(manifests);
    }
  }

  @Test
  void every_container_has_startup_liveness_and_readiness_probes_on_its_actuator_health_endpoints() {
    for (Runtime runtime : Runtime.ALL) {
      AppConfig config = runtime.config();
      Map<String, Object> container = containers(deployment(runtime)).getFirst();
      for (String probe : List.of("startupProbe", "livenessProbe", "readinessProbe")) {
        String group = probe.equals("readinessProbe") ? "/readiness" : "/liveness";
        Map<String, Object> httpGet = Repo.map(Repo.at(container, probe + ".httpGet"));
        assertThat(httpGet).as("%s of %s", probe, runtime).isNotEmpty();
        assertThat(httpGet.get("path")).as("%s path of %s", probe, runtime).isEqualTo(config.healthPath() + group);
        assertThat(portNumber(container, httpGet.get("port"))).as("%s port of %s", probe, runtime).isEqualTo(runtime.healthPort());
      }
      assertThat(Repo.at(container, "startupProbe.failureThreshold")).as("startupProbe of %s", runtime).isNotNull();
    }
  }

  @Test
  void container_ports_and_scrape_annotations_match_the_product_contract() {
    for (Runtime runtime : Runtime.ALL) {
      Map<String, Object> deployment = deployment(runtime);
      Map<String, Object> container = containers(deployment).getFirst();
      List<Integer> ports = Repo.list(container.get("ports")).stream().map(p -> (Integer) Repo.map(p).get("containerPort")).toList();
      assertThat(ports).as("container ports of %s", runtime).containsExactlyInAnyOrderElementsOf(runtime.contractPorts());
      Map<String, Object> annotations = Repo.map(Repo.at(deployment, "spec.template.metadata.annotations"));
      assertThat(annotations).as("scrape annotations of %s", runtime)
          .containsEntry("prometheus.io/scrape", "true")
          .containsEntry("prometheus.io/port", Integer.toString(runtime.healthPort()))
          .containsEntry("prometheus.io/path", runtime.config().metricsPath());
    }
  }

  @Test
  void every_container_requests_and_limits_cpu_and_memory() {
    for (Map<String, Object> deployment : deployments()) {
      for (Map<String, Object> container : containers(deployment)) {
        for (String field : List.of("requests.cpu", "requests.memory", "limits.cpu", "limits.memory")) {
          assertThat(Repo.at(container.get("resources"), field)).as("resources.%s of %s", field, container.get("name")).isNotNull();
        }
      }
    }
  }

  @Test
  void pods_run_as_non_root_with_a_read_only_root_filesystem_and_no_privileges() {
    for (Map<String, Object> deployment : deployments()) {
      Map<String, Object> pod = Repo.map(Repo.at(deployment, "spec.template.spec"));
      String name = Kustomization.name(deployment);
      assertThat(Repo.at(pod, "securityContext.runAsNonRoot")).as("runAsNonRoot of %s", name).isEqualTo(true);
      assertThat(Repo.at(pod, "securityContext.runAsUser")).as("runAsUser of %s", name).isNotEqualTo(0);
      assertThat(pod.get("automountServiceAccountToken")).as("automountServiceAccountToken of %s", name).isEqualTo(false);
      Set<String> volumes = new HashSet<>();
      Repo.list(pod.get("volumes")).forEach(v -> volumes.add(Repo.string(v, "name")));
      for (Map<String, Object> container : containers(deployment)) {
        Map<String, Object> security = Repo.map(container.get("securityContext"));
        assertThat(security).as("securityContext of %s", name)
            .containsEntry("allowPrivilegeEscalation", false)
            .containsEntry("readOnlyRootFilesystem", true);
        assertThat(Repo.list(Repo.at(security, "capabilities.drop"))).as("dropped capabilities of %s", name).contains("ALL");
        List<Object> mounts = Repo.list(container.get("volumeMounts"));
        assertThat(mounts).as("%s needs a writable /tmp", name).anyMatch(m -> "/tmp".equals(Repo.string(m, "mountPath")));
        mounts.forEach(m -> assertThat(volumes).as("volume of %s", name).contains(Repo.string(m, "name")));
      }
    }
  }

  @Test
  void every_runtime_logs_one_json_object_per_line() {
    assertThat(configMap()).containsEntry("LOGGING_STRUCTURED_FORMAT_CONSOLE", "ecs");
  }

  @Test
  void every_variable_a_runtime_reads_is_provided_and_secrets_only_by_reference() {
    Set<String> configured = configMap().keySet();
    List<String> missing = new ArrayList<>();
    for (Runtime runtime : Runtime.ALL) {
      Map<String, Object> container = containers(deployment(runtime)).getFirst();
      assertThat(Repo.list(container.get("envFrom"))).as("envFrom of %s", runtime)
          .anyMatch(e -> "flowgate-config".equals(Repo.string(e, "configMapRef.name")));
      Set<String> fromSecrets = new HashSet<>();
      Set<String> provided = new HashSet<>(configured);
      for (Object entry : Repo.list(container.get("env"))) {
        String variable = Repo.string(entry, "name");
        provided.add(variable);
        if (Repo.at(entry, "valueFrom.secretKeyRef") != null) {
          assertThat(Repo.string(entry, "valueFrom.secretKeyRef.name")).isEqualTo("flowgate-secrets");
          fromSecrets.add(variable);
        }
      }
      for (String variable : runtime.config().flowgateVariables()) {
        if (!provided.contains(variable)) {
          missing.add(runtime + ": " + variable);
        } else if (SECRET_NAME.matcher(variable).matches()) {
          assertThat(fromSecrets).as("%s of %s comes from flowgate-secrets", variable, runtime).contains(variable);
        }
      }
    }
    assertThat(missing).as("variables read by application.yml but given to no container").isEmpty();
  }

  @Test
  void no_manifest_holds_a_secret_value_or_a_loopback_address() throws IOException {
    List<Path> files;
    try (Stream<Path> walk = Files.walk(Kustomization.K8S)) {
      files = walk.filter(f -> f.toString().endsWith(".yaml") || f.toString().endsWith(".yml")).toList();
    }
    assertThat(files).isNotEmpty();
    for (Path file : files) {
      for (Map<String, Object> doc : Repo.yamlDocuments(file)) {
        if ("Secret".equals(doc.get("kind"))) {
          assertThat(doc.get("data") == null && doc.get("stringData") == null).as("Secret with values in %s", file).isTrue();
        }
        if ("ConfigMap".equals(doc.get("kind"))) {
          Repo.map(doc.get("data")).forEach((key, value) -> {
            assertThat(SECRET_NAME.matcher(key).matches()).as("secret-like key %s in ConfigMap of %s", key, file).isFalse();
            assertThat(String.valueOf(value)).as("%s in %s", key, file).doesNotContain("127.0.0.1").doesNotContain("localhost");
          });
        }
        if ("kustomization.yaml".equals(file.getFileName().toString())) {
          assertThat(doc).as("%s generates no secrets from literals", file).doesNotContainKey("secretGenerator");
        }
        Repo.list(Repo.at(doc, "spec.template.spec.containers")).forEach(c -> Repo.list(Repo.at(c, "env")).forEach(e -> {
          String variable = Repo.string(e, "name");
          if (SECRET_NAME.matcher(variable).matches()) {
            assertThat(Repo.map(e)).as("%s in %s", variable, file).doesNotContainKey("value");
          }
        }));
      }
    }
  }

  @Test
  void autoscalers_target_existing_deployments_and_cover_gateway_and_worker() {
    List<Map<String, Object>> hpas = BASE.ofKind("HorizontalPodAutoscaler");
    Set<String> deploymentNames = new HashSet<>(deployments().stream().map(Kustomization::name).toList());
    List<String> targets = new ArrayList<>();
    for (Map<String, Object> hpa : hpas) {
      assertThat(Repo.string(hpa, "apiVersion")).isEqualTo("autoscaling/v2");
      assertThat(Repo.string(hpa, "spec.scaleTargetRef.kind")).isEqualTo("Deployment");
      String target = Repo.string(hpa, "spec.scaleTargetRef.name");
      assertThat(deploymentNames).as("HPA %s target", Kustomization.name(hpa)).contains(target);
      assertThat((Integer) Repo.at(hpa, "spec.minReplicas")).isGreaterThanOrEqualTo(2).isLessThanOrEqualTo((Integer) Repo.at(hpa, "spec.maxReplicas"));
      assertThat(Repo.list(Repo.at(hpa, "spec.metrics"))).isNotEmpty();
      targets.add(target);
      Map<String, Object> container = containers(deployments().stream().filter(d -> target.equals(Kustomization.name(d))).findFirst().orElseThrow()).getFirst();
      assertThat(Repo.at(container, "resources.requests.cpu")).as("utilisation needs a cpu request on %s", target).isNotNull();
      assertThat(Repo.at(deployments().stream().filter(d -> target.equals(Kustomization.name(d))).findFirst().orElseThrow(), "spec.replicas"))
          .as("replicas of %s belong to its HPA", target).isNull();
    }
    assertThat(targets).containsExactlyInAnyOrder(Runtime.GATEWAY.module(), Runtime.WORKER.module());
  }

  @Test
  void disruption_budgets_select_deployments_and_every_deployment_has_one() {
    Set<String> covered = new HashSet<>();
    for (Map<String, Object> pdb : BASE.ofKind("PodDisruptionBudget")) {
      Map<String, Object> matchLabels = Repo.map(Repo.at(pdb, "spec.selector.matchLabels"));
      List<String> selected = deployments().stream().filter(d -> selects(matchLabels, podLabels(d))).map(Kustomization::name).toList();
      assertThat(selected).as("Deployments selected by PDB %s", Kustomization.name(pdb)).hasSize(1);
      assertThat(Repo.at(pdb, "spec.minAvailable") != null ^ Repo.at(pdb, "spec.maxUnavailable") != null)
          .as("PDB %s sets exactly one of minAvailable, maxUnavailable", Kustomization.name(pdb)).isTrue();
      covered.addAll(selected);
    }
    assertThat(covered).containsExactlyInAnyOrderElementsOf(Runtime.ALL.stream().map(Runtime::module).toList());
  }

  @Test
  void deployment_selectors_match_their_own_pod_labels() {
    for (Map<String, Object> deployment : deployments()) {
      assertThat(selects(Repo.map(Repo.at(deployment, "spec.selector.matchLabels")), podLabels(deployment)))
          .as("selector of %s", Kustomization.name(deployment)).isTrue();
    }
  }

  @Test
  void services_select_existing_pods_and_target_declared_ports() {
    for (Map<String, Object> service : BASE.ofKind("Service")) {
      Map<String, Object> selector = Repo.map(Repo.at(service, "spec.selector"));
      List<Map<String, Object>> selected = deployments().stream().filter(d -> selects(selector, podLabels(d))).toList();
      assertThat(selected).as("pods selected by Service %s", Kustomization.name(service)).hasSize(1);
      Map<String, Object> container = containers(selected.getFirst()).getFirst();
      for (Object port : Repo.list(Repo.at(service, "spec.ports"))) {
        Object target = Objects.requireNonNullElse(Repo.at(port, "targetPort"), Repo.at(port, "port"));
        assertThat(Runtime.named(Kustomization.name(selected.getFirst())).contractPorts())
            .as("targetPort %s of Service %s", target, Kustomization.name(service)).contains(portNumber(container, target));
      }
    }
  }

  @Test
  void network_policies_default_deny_and_open_each_runtime_explicitly() {
    List<Map<String, Object>> policies = BASE.ofKind("NetworkPolicy");
    Map<String, Object> defaultDeny = policies.stream().filter(p -> "flowgate-default-deny".equals(Kustomization.name(p))).findFirst().orElseThrow();
    assertThat(Repo.list(Repo.at(defaultDeny, "spec.policyTypes"))).containsExactlyInAnyOrder("Ingress", "Egress");
    assertThat(Repo.map(defaultDeny.get("spec"))).doesNotContainKeys("ingress", "egress");
    for (Map<String, Object> deployment : deployments()) {
      assertThat(selects(Repo.map(Repo.at(defaultDeny, "spec.podSelector.matchLabels")), podLabels(deployment)))
          .as("default deny covers %s (pod labels come from the kustomization's labels)", Kustomization.name(deployment))
          .isTrue();
      assertThat(policies).as("a policy of its own for %s", Kustomization.name(deployment))
          .anyMatch(p -> Repo.string(p, "spec.podSelector.matchLabels").equals(Repo.string(deployment, "spec.selector.matchLabels")));
    }
    // every pod a policy names in from/to exists
    for (Map<String, Object> policy : policies) {
      for (String direction : List.of("ingress", "egress")) {
        for (Object rule : Repo.list(Repo.at(policy, "spec." + direction))) {
          for (Object peer : Repo.list(Repo.map(rule).getOrDefault("from", Repo.map(rule).get("to")))) {
            Map<String, Object> podSelector = Repo.map(Repo.at(peer, "podSelector.matchLabels"));
            if (!podSelector.isEmpty() && Repo.at(peer, "namespaceSelector") == null) {
              assertThat(deployments()).as("pods named in %s of %s", direction, Kustomization.name(policy))
                  .anyMatch(d -> selects(podSelector, podLabels(d)));
            }
            if (Repo.at(peer, "ipBlock") != null) {
              assertThat(Repo.list(Repo.at(peer, "ipBlock.except"))).as("ipBlock of %s never opens cloud metadata", Kustomization.name(policy))
                  .contains("169.254.0.0/16");
            }
          }
        }
      }
    }
  }

  /** A client library a runtime's code imports, and the port its external service listens on. */
  private static final Map<String, Integer> CLIENT_PORTS = Map.of(
      "import io.nats.", 4222, "import org.apache.kafka.", 9092, "import org.redisson.", 6379,
      "import io.temporal.", 7233);

  @Test
  void each_runtime_may_reach_every_external_service_its_code_talks_to() throws IOException {
    for (Runtime runtime : Runtime.ALL) {
      Map<String, Object> policy = BASE.ofKind("NetworkPolicy").stream()
          .filter(p -> runtime.module().equals(Kustomization.name(p))).findFirst()
          .orElseThrow(() -> new AssertionError("no NetworkPolicy " + runtime.module()));
      Set<Integer> open = new HashSet<>();
      for (Object rule : Repo.list(Repo.at(policy, "spec.egress"))) {
        for (Object port : Repo.list(Repo.map(rule).get("ports"))) {
          open.add((Integer) Repo.map(port).get("port"));
        }
      }
      String sources;
      try (Stream<Path> files = Files.walk(Repo.path(runtime.module() + "/src/main/java"))) {
        sources = files.filter(f -> f.toString().endsWith(".java")).map(Repo::read)
            .reduce("", String::concat);
      }
      CLIENT_PORTS.forEach((client, port) -> {
        if (sources.contains(client)) {
          assertThat(open).as("%s uses %s*, so its egress must open %d", runtime.module(), client.substring(7), port)
              .contains(port);
        }
      });
    }
  }

  @Test
  void overlays_patch_only_what_the_base_defines() {
    Set<String> baseObjects = new HashSet<>();
    BASE.manifests().forEach(m -> baseObjects.add(m.get("kind") + "/" + Kustomization.name(m)));
    Set<String> baseImages = new HashSet<>();
    deployments().forEach(d -> containers(d).forEach(c -> baseImages.add(c.get("image").toString().split(":")[0])));
    for (Kustomization overlay : OVERLAYS) {
      assertThat(overlay.files("resources")).as("resources of %s", overlay.dir()).contains(BASE.dir());
      assertThat(overlay.spec().get("namespace")).as("namespace of %s", overlay.dir()).isNotNull();
      for (Path patch : overlay.files("patches")) {
        assertThat(patch).exists();
        for (Map<String, Object> doc : Repo.yamlDocuments(patch)) {
          assertThat(baseObjects).as("%s patches", patch).contains(doc.get("kind") + "/" + Kustomization.name(doc));
        }
      }
      for (Object image : Repo.list(overlay.spec().get("images"))) {
        assertThat(baseImages).as("image names of %s", overlay.dir()).contains(Repo.string(image, "name"));
      }
    }
  }
}
