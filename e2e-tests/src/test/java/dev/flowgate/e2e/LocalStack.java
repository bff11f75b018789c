package dev.flowgate.e2e;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The platform as {@code deploy/local/up} runs it on this machine, so fault tests can take one
 * component away and bring it back. Services the machine ran before {@code up} (PostgreSQL,
 * Redis) are stopped with their own tools and come back through {@code up --infra}.
 */
final class LocalStack {

  private final Path root;

  LocalStack(Path root) {
    this.root = root;
  }

  static LocalStack fromSystemProperties() {
    return new LocalStack(Path.of(System.getProperty("flowgate.root", "..")).toAbsolutePath().normalize());
  }

  /** Whether the fault tests may stop and start components: only where the test command runs them. */
  static boolean faultsEnabled() {
    return Boolean.getBoolean("flowgate.faults");
  }

  void stop(String component) {
    switch (component) {
      case "redis" -> run("bash", "-c", "redis-cli -h 127.0.0.1 -p 6379 shutdown nosave || true");
      case "postgresql" -> run("bash", "-c",
          "pg_lsclusters -h | awk '$4 == \"online\" {print $1, $2}' | while read -r v c; do "
              + "pg_ctlcluster --skip-systemctl-redirect \"$v\" \"$c\" stop -m fast; done");
      default -> run(root.resolve("deploy/local/down").toString(), component);
    }
  }

  /** Brings back the infrastructure ({@code up --infra}) and the named runtimes, without building. */
  void start(String... runtimes) {
    run(root.resolve("deploy/local/up").toString(), "--infra");
    if (runtimes.length > 0) {
      List<String> command = new ArrayList<>(List.of("env", "FLOWGATE_APPS=" + String.join(" ", runtimes),
          root.resolve("deploy/local/up").toString(), "--no-build"));
      run(command.toArray(String[]::new));
    }
  }

  private void run(String... command) {
    try {
      Path log = Files.createTempFile("flowgate-fault-", ".log");
      Process process = new ProcessBuilder(command).directory(root.toFile())
          .redirectErrorStream(true).redirectOutput(log.toFile()).start();
      if (!process.waitFor(5, TimeUnit.MINUTES)) {
        process.destroyForcibly();
        throw new IllegalStateException(String.join(" ", command) + " did not finish in 5 minutes; log " + log);
      }
      if (process.exitValue() != 0) {
        throw new IllegalStateException(String.join(" ", command) + " failed (" + process.exitValue() + "): "
            + Files.readString(log));
      }
    } catch (IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
