package dev.flowgate.e2e;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The platform as {@code deploy/local/up} runs it on this machine, so fault tests can take one
 * component away and bring it back. Services the machine ran before {@code up} (PostgreSQL,
 * Redis) are stopped with their own tools and come back through {@code up --infra}. NATS, Kafka
 * and the Temporal dev server may have been started by anyone (the machine, another checkout):
 * whoever holds their port is stopped, and the very same command line is started again, so NATS
 * keeps its JetStream store and Kafka its log directory.
 */
final class LocalStack {

  /** Components restored from the command line they ran with, and their ports. */
  private static final Map<String, Integer> RESTARTED_AS_FOUND = Map.of("nats", 4222, "kafka", 9092, "temporal", 7233);

  private final Path root;
  private final Map<String, Stopped> stopped = new LinkedHashMap<>();

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

  /** Stops the component and fails unless its port is closed afterwards. */
  void stop(String component) {
    switch (component) {
      case "redis" -> run("bash", "-c", "redis-cli -h 127.0.0.1 -p 6379 shutdown nosave || true");
      case "postgresql" -> run("bash", "-c",
          "pg_lsclusters -h | awk '$4 == \"online\" {print $1, $2}' | while read -r v c; do "
              + "pg_ctlcluster --skip-systemctl-redirect \"$v\" \"$c\" stop -m fast; done");
      case "nats", "kafka", "temporal" -> stopWhoeverHolds(component, RESTARTED_AS_FOUND.get(component));
      default -> run(root.resolve("deploy/local/down").toString(), component);
    }
  }

  /**
   * Brings back what {@link #stop} took away as it was, then the infrastructure ({@code up
   * --infra}) and the named runtimes, without building.
   */
  void start(String... runtimes) {
    List<String> names = new ArrayList<>(stopped.keySet());
    for (String name : names.reversed()) {
      restart(name, stopped.remove(name));
    }
    run(root.resolve("deploy/local/up").toString(), "--infra");
    if (runtimes.length > 0) {
      List<String> command = new ArrayList<>(List.of("env", "FLOWGATE_APPS=" + String.join(" ", runtimes),
          root.resolve("deploy/local/up").toString(), "--no-build"));
      run(command.toArray(String[]::new));
    }
  }

  static boolean listening(int port) {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  /** @param pidFile this checkout's pid file that named the stopped process, or null */
  private record Stopped(List<String> command, Path directory, int port, Path pidFile) {}

  private void stopWhoeverHolds(String name, int port) {
    long pid = holderOf(port);
    ProcessHandle process = ProcessHandle.of(pid).orElseThrow(() -> new IllegalStateException(name + " (pid " + pid + ") vanished"));
    List<String> command;
    Path directory;
    try {
      command = Arrays.asList(Files.readString(Path.of("/proc/" + pid + "/cmdline"), StandardCharsets.UTF_8).split("\0"));
      directory = Path.of("/proc/" + pid + "/cwd").toRealPath();
    } catch (IOException e) {
      throw new IllegalStateException("cannot read how " + name + " (pid " + pid + ") was started", e);
    }
    if (!String.join(" ", command).contains(name.equals("nats") ? "nats-server" : "-Dflowgate.component=" + name)) {
      throw new IllegalStateException("port " + port + " is held by something else than " + name + ": " + command);
    }
    stopped.put(name, new Stopped(command, directory, port, pidFileNaming(name, pid)));
    process.destroy(); // SIGTERM: Kafka shuts down in order, NATS flushes its store
    try {
      process.onExit().get(60, TimeUnit.SECONDS);
    } catch (Exception notYet) {
      process.destroyForcibly();
    }
    waitFor(() -> !listening(port), Duration.ofSeconds(20), name + " still listens on " + port);
  }

  private void restart(String name, Stopped how) {
    try {
      Path log = root.resolve(".flowgate/logs").resolve(name + ".log");
      Files.createDirectories(log.getParent());
      List<String> command = new ArrayList<>(List.of("setsid"));
      command.addAll(how.command());
      // setsid: the process outlives this test JVM, like the one it replaces
      new ProcessBuilder(command).directory(how.directory().toFile())
          .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()))
          .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
      waitFor(() -> listening(how.port()), Duration.ofSeconds(60), name + " did not come back on " + how.port() + "; see " + log);
      if (how.pidFile() != null) {
        // deploy/local/down (and the test command's clean-up) stops only what its pid files name
        Files.writeString(how.pidFile(), holderOf(how.port()) + "\n");
      }
    } catch (IOException e) {
      throw new IllegalStateException("cannot restart " + name, e);
    }
  }

  private Path pidFileNaming(String name, long pid) {
    Path file = root.resolve(".flowgate/pids").resolve(name + ".pid");
    try {
      return Files.isRegularFile(file) && Files.readString(file).strip().equals(Long.toString(pid)) ? file : null;
    } catch (IOException e) {
      return null;
    }
  }

  private long holderOf(int port) {
    String out = output("bash", "-c", "ss -Hltnp 'sport = :" + port + "' | sed -n 's/.*pid=\\([0-9]*\\).*/\\1/p' | head -n1").strip();
    if (out.isEmpty()) {
      throw new IllegalStateException("nothing listens on port " + port + " (or its pid is not visible)");
    }
    return Long.parseLong(out);
  }

  private static void waitFor(java.util.function.BooleanSupplier done, Duration within, String failure) {
    Instant deadline = Instant.now().plus(within);
    while (!done.getAsBoolean()) {
      if (Instant.now().isAfter(deadline)) {
        throw new IllegalStateException(failure);
      }
      Eventually.sleep(200);
    }
  }

  private void run(String... command) {
    output(command);
  }

  /** Runs a command to its end and returns what it printed; fails on a non-zero exit. */
  String output(String... command) {
    try {
      Path log = Files.createTempFile("flowgate-fault-", ".log");
      Process process = new ProcessBuilder(command).directory(root.toFile())
          .redirectErrorStream(true).redirectOutput(log.toFile()).start();
      if (!process.waitFor(5, TimeUnit.MINUTES)) {
        process.destroyForcibly();
        throw new IllegalStateException(String.join(" ", command) + " did not finish in 5 minutes; log " + log);
      }
      String printed = Files.readString(log);
      Files.deleteIfExists(log);
      if (process.exitValue() != 0) {
        throw new IllegalStateException(String.join(" ", command) + " failed (" + process.exitValue() + "): " + printed);
      }
      return printed;
    } catch (IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
