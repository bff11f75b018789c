package dev.flowgate.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** deploy/compose/compose.yaml against the runtimes' real configuration (it cannot run here: no Docker). */
class ComposeFileTest {

  static final Path DIR = Repo.path("deploy/compose");
  static final Map<String, Object> COMPOSE = Repo.yaml(DIR.resolve("compose.yaml"));
  static final Set<String> CONDITIONS = Set.of("service_started", "service_healthy", "service_completed_successfully");
  /** Names of secrets; an address is never one (FLOWGATE_OIDC_TOKEN_URI is where tokens come from, not a token). */
  static final Pattern SECRET_NAME = Pattern.compile("(?!.*_UR[IL]$).*(TOKEN|PEPPER|SECRET|PASSWORD|PWD|API_KEY).*");

  static Map<String, Object> services() {
    return Repo.map(COMPOSE.get("services"));
  }

  static Map<String, Object> service(String name) {
    assertThat(services()).as("compose services").containsKey(name);
    return Repo.map(services().get(name));
  }

  static Map<String, String> environment(String name) {
    Object env = service(name).get("environment");
    Map<String, String> result = new LinkedHashMap<>();
    if (env instanceof List<?> list) {
      for (Object entry : list) {
        String[] kv = entry.toString().split("=", 2);
        result.put(kv[0], kv.length > 1 ? kv[1] : null);
      }
    } else {
      Repo.map(env).forEach((k, v) -> result.put(k, v == null ? null : v.toString()));
    }
    return result;
  }

  /** Services that run once and exit, which others wait for with service_completed_successfully. */
  static Set<String> oneShots() {
    Set<String> result = new TreeSet<>();
    services().forEach((name, s) -> {
      if ("no".equals(String.valueOf(Repo.map(s).get("restart")))) {
        result.add(name);
      }
    });
    return result;
  }

  @Test
  void every_service_has_an_image_or_a_build() {
    services().forEach((name, s) ->
        assertThat(Repo.map(s).containsKey("image") || Repo.map(s).containsKey("build"))
            .as("service %s has image or build", name).isTrue());
  }

  @Test
  void every_long_running_service_has_a_healthcheck() {
    services().forEach((name, s) -> {
      if (oneShots().contains(name)) {
        return;
      }
      Object test = Repo.at(s, "healthcheck.test");
      assertThat(test).as("healthcheck.test of %s", name).isNotNull();
      assertThat(test.toString()).as("healthcheck of %s", name).doesNotContain("NONE");
      assertThat(Repo.at(s, "healthcheck.disable")).as("healthcheck.disable of %s", name).isNull();
    });
  }

  @Test
  void depends_on_names_existing_services_with_conditions_they_can_meet() {
    services().forEach((name, s) -> {
      Object dependsOn = Repo.map(s).get("depends_on");
      if (dependsOn == null) {
        return;
      }
      assertThat(dependsOn).as("depends_on of %s uses the long form with conditions", name).isInstanceOf(Map.class);
      Repo.map(dependsOn).forEach((target, spec) -> {
        String condition = Repo.string(spec, "condition");
        assertThat(services()).as("%s depends on %s", name, target).containsKey(target);
        assertThat(CONDITIONS).as("condition of %s -> %s", name, target).contains(condition);
        if (condition.equals("service_healthy")) {
          assertThat(Repo.at(services().get(target), "healthcheck.test"))
              .as("%s waits for %s to be healthy, which needs a healthcheck", name, target).isNotNull();
        }
        if (condition.equals("service_completed_successfully")) {
          assertThat(oneShots()).as("%s waits for %s to complete: it must be a one-shot", name, target).contains(target);
        }
      });
    });
  }

  @Test
  void every_runtime_logs_one_json_object_per_line() {
    for (Runtime runtime : Runtime.ALL) {
      assertThat(environment(runtime.module())).as("environment of %s", runtime)
          .containsEntry("LOGGING_STRUCTURED_FORMAT_CONSOLE", "ecs");
    }
  }

  @Test
  void runtimes_listen_and_publish_on_the_ports_of_the_product_contract() {
    for (Runtime runtime : Runtime.ALL) {
      AppConfig config = runtime.config();
      assertThat(config.serverPort()).as("server.port default of %s", config).isIn(runtime.contractPorts());
      assertThat(config.managementPort()).as("actuator port of %s", config).isEqualTo(runtime.healthPort());

      List<Integer> published = new ArrayList<>();
      for (Object port : Repo.list(service(runtime.module()).get("ports"))) {
        String[] parts = port.toString().split(":");
        int container = Integer.parseInt(parts[parts.length - 1].replace("/tcp", ""));
        int host = Integer.parseInt(parts[parts.length - 2]);
        assertThat(host).as("%s publishes %s on the same host port", runtime, container).isEqualTo(container);
        published.add(container);
      }
      assertThat(published).as("ports of %s", runtime).containsExactlyInAnyOrderElementsOf(runtime.contractPorts());

      Map<String, String> env = environment(runtime.module());
      String portVariable = config.serverPortVariable();
      if (portVariable != null && env.containsKey(portVariable)) {
        assertThat(Integer.parseInt(env.get(portVariable))).as("%s of %s", portVariable, runtime).isEqualTo(config.serverPort());
      }
    }
    Map<String, String> gateway = environment(Runtime.GATEWAY.module());
    assertThat(gateway).containsEntry("FLOWGATE_GATEWAY_PORT", "8000").containsEntry("FLOWGATE_GATEWAY_ADMIN_PORT", "8001");
  }

  @Test
  void runtimes_are_healthy_when_their_readiness_endpoint_answers() {
    for (Runtime runtime : Runtime.ALL) {
      AppConfig config = runtime.config();
      assertThat(config.probesEnabled()).as("health probes enabled in %s", config).isTrue();
      assertThat(config.exposedEndpoints()).as("exposed endpoints of %s", config).contains("health", "prometheus");
      String test = String.join(" ", Repo.list(Repo.at(service(runtime.module()), "healthcheck.test")).stream().map(Object::toString).toList());
      assertThat(test).as("healthcheck of %s", runtime)
          .contains("http://127.0.0.1:" + runtime.healthPort() + config.healthPath() + "/readiness");
    }
  }

  @Test
  void runtimes_get_every_variable_their_configuration_reads() {
    List<String> missing = new ArrayList<>();
    for (Runtime runtime : Runtime.ALL) {
      Map<String, String> env = environment(runtime.module());
      for (String variable : runtime.config().flowgateVariables()) {
        if (!env.containsKey(variable)) {
          missing.add(runtime + ": " + variable);
        }
      }
    }
    assertThat(missing).as("variables read by application.yml but not set in compose.yaml").isEmpty();
  }

  @Test
  void runtimes_reach_other_components_by_service_name_not_their_own_loopback() {
    // what people use (curl examples, {slug}.<domain>): addresses a browser on the Docker host reaches
    Set<String> publicAddresses = Set.of("FLOWGATE_GATEWAY_URL", "FLOWGATE_GATEWAY_DOMAIN");
    for (Runtime runtime : Runtime.ALL) {
      Map<String, String> env = environment(runtime.module());
      for (String variable : runtime.config().loopbackDefaults()) {
        if (publicAddresses.contains(variable) || !env.containsKey(variable)) {
          continue;
        }
        for (String address : env.get(variable).split(",")) {
          HostPort target = HostPort.parse(address);
          assertThat(target).as("%s of %s is an address", variable, runtime).isNotNull();
          if (target.loopback()) {
            assertThat(sidecarListeningOn(target.port()))
                .as("%s of %s is %s: some runtime's loopback must host a sidecar on that port", variable, runtime, address)
                .isNotNull();
          } else {
            assertThat(services()).as("%s of %s names a compose service", variable, runtime).containsKey(target.host());
          }
        }
      }
    }
  }

  @Test
  void billing_without_a_stripe_key_finds_the_stub_on_its_own_loopback() {
    String properties = Repo.read("billing/src/main/java/dev/flowgate/billing/stripe/StripeProperties.java");
    Matcher stub = Pattern.compile("STUB_API_BASE = \"http://127\\.0\\.0\\.1:(\\d+)\"").matcher(properties);
    assertThat(stub.find()).as("StripeProperties.STUB_API_BASE").isTrue();
    Map<String, Object> sidecar = service(sidecarListeningOn(Integer.parseInt(stub.group(1))));
    assertThat(sidecar.get("network_mode")).isEqualTo("service:billing");
    assertThat(Repo.list(sidecar.get("command")).toString()).contains("StripeStub");
  }

  @Test
  void secrets_come_from_the_env_file_and_never_from_literals() {
    Pattern interpolation = Pattern.compile("\\$\\{[A-Z][A-Z0-9_]*(:?[-?][^}]*)?}");
    services().forEach((name, s) -> environment(name).forEach((variable, value) -> {
      if (!SECRET_NAME.matcher(variable).matches()) {
        return;
      }
      assertThat(value).as("%s of %s", variable, name).isNotNull().matches(interpolation);
      // optional secrets: without a Stripe key billing uses the stub, without an SMTP password no SMTP login,
      // without an OIDC client secret the portal is a public client (or has no OIDC login at all)
      if (!Set.of("STRIPE_API_KEY", "FLOWGATE_SMTP_PASSWORD", "FLOWGATE_OIDC_CLIENT_SECRET").contains(variable)) {
        assertThat(value).as("%s of %s is required (${NAME:?message})", variable, name).contains(":?");
      }
    }));
  }

  @Test
  void env_example_lists_every_required_variable_without_a_value_and_env_is_ignored() {
    Set<String> required = new TreeSet<>();
    Matcher m = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*):\\?").matcher(Repo.read(DIR.resolve("compose.yaml")));
    while (m.find()) {
      required.add(m.group(1));
    }
    Map<String, String> example = new LinkedHashMap<>();
    for (String line : Repo.read(DIR.resolve(".env.example")).lines().toList()) {
      if (!line.isBlank() && !line.startsWith("#")) {
        String[] kv = line.split("=", 2);
        example.put(kv[0].strip(), kv.length > 1 ? kv[1] : "");
      }
    }
    assertThat(example.keySet()).as(".env.example").containsAll(required);
    example.forEach((k, v) -> assertThat(v).as("%s in .env.example must stay empty", k).isEmpty());
    assertThat(Repo.read(DIR.resolve(".gitignore")).lines()).as("deploy/compose/.gitignore").contains(".env");
  }

  @Test
  void runtime_images_are_built_from_the_packaged_jar_and_run_as_a_non_root_user() {
    for (Runtime runtime : Runtime.ALL) {
      Map<String, Object> build = Repo.map(service(runtime.module()).get("build"));
      Path context = DIR.resolve(build.get("context").toString()).normalize();
      assertThat(context).as("build context of %s", runtime).isEqualTo(Repo.ROOT);
      Path dockerfile = context.resolve(build.get("dockerfile").toString());
      assertThat(dockerfile).exists();
      assertThat(Repo.string(build, "args.MODULE")).as("MODULE of %s", runtime).isEqualTo(runtime.module());
      assertThat(Repo.path(runtime.module() + "/pom.xml")).exists();

      String text = Repo.read(dockerfile);
      assertThat(text).contains("eclipse-temurin:25-jre").contains("${MODULE}/target/${MODULE}.jar");
      List<String> users = text.lines().filter(l -> l.startsWith("USER ")).toList();
      assertThat(users).as("USER in %s", dockerfile).isNotEmpty();
      String user = users.getLast().substring(5).strip().split(":")[0];
      assertThat(user).as("final USER of %s", dockerfile).isNotIn("root", "0");
    }
  }

  @Test
  void kafka_init_creates_every_contract_topic_and_its_dead_letter_topic() {
    String topics = Repo.read("contracts/src/main/java/dev/flowgate/contracts/Topics.java");
    Matcher m = Pattern.compile("public static final String [A-Z_]+ = \"([^\"]+)\"").matcher(topics);
    List<String> names = new ArrayList<>();
    while (m.find()) {
      names.add(m.group(1));
    }
    assertThat(names).isNotEmpty();
    Map<String, Object> init = service("kafka-init");
    String command = String.join(" ", Repo.list(init.get("command")).stream().map(Object::toString).toList());
    assertThat(command).contains(names).contains(".dlq").contains("--if-not-exists");
    assertThat(oneShots()).contains("kafka-init");
    for (Runtime runtime : List.of(Runtime.PORTAL, Runtime.GATEWAY, Runtime.WORKER, Runtime.BILLING)) {
      assertThat(Repo.string(service(runtime.module()).get("depends_on"), "kafka-init.condition"))
          .as("%s waits for the topics", runtime).isEqualTo("service_completed_successfully");
    }
  }

  @Test
  void infrastructure_matches_the_stack() {
    assertThat(Repo.string(service("postgresql"), "image")).startsWith("postgres:15");
    assertThat(Repo.string(service("redis"), "image")).startsWith("redis:7");
    assertThat(Repo.string(service("nats"), "image")).startsWith("nats:2.10");
    assertThat(Repo.list(service("nats").get("command"))).contains("-js");
    assertThat(Repo.string(service("kafka"), "image")).startsWith("apache/kafka:");
    assertThat(environment("kafka")).containsEntry("KAFKA_PROCESS_ROLES", "broker,controller");
    assertThat(Repo.string(service("temporal"), "image")).startsWith("temporalio/auto-setup:");
    assertThat(environment("temporal")).containsEntry("DB", "postgres12").containsEntry("POSTGRES_SEEDS", "postgresql");
    assertThat(services()).containsKeys("temporal-ui", "prometheus", "grafana");
  }

  @Test
  void mounted_files_and_directories_exist() {
    services().forEach((name, s) -> {
      for (Object volume : Repo.list(Repo.map(s).get("volumes"))) {
        String source = volume.toString().split(":")[0];
        if (source.startsWith(".")) {
          assertThat(DIR.resolve(source).normalize()).as("volume of %s", name).exists();
        }
      }
    });
    assertThat(Files.isExecutable(DIR.resolve("postgres/init-flowgate.sh"))).isTrue();
  }

  /** The sidecar service sharing some runtime's network namespace whose command listens on port, or null. */
  static String sidecarListeningOn(int port) {
    for (Map.Entry<String, Object> entry : services().entrySet()) {
      Map<String, Object> s = Repo.map(entry.getValue());
      if (String.valueOf(s.get("network_mode")).startsWith("service:")
          && Repo.list(s.get("command")).contains(Integer.toString(port))) {
        return entry.getKey();
      }
    }
    return null;
  }

  record HostPort(String host, int port) {
    static HostPort parse(String address) {
      // compose interpolation with a default: ${NAME:-value}
      String value = address.strip().replaceAll("\\$\\{[A-Z][A-Z0-9_]*:-([^}]*)}", "$1");
      if (value.startsWith("jdbc:")) {
        value = value.substring(5);
      }
      if (!value.contains("://")) {
        value = "tcp://" + value;
      }
      URI uri = URI.create(value);
      return uri.getHost() == null ? null : new HostPort(uri.getHost(), uri.getPort());
    }

    boolean loopback() {
      return host.equals("localhost") || host.startsWith("127.");
    }
  }
}
