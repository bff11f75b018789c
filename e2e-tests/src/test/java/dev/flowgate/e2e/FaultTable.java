package dev.flowgate.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The fault scenarios' counts as one markdown table, target/fault-table.md (and stdout), written
 * while the run goes, so a closing note can quote it. A row is written before its assertions: a
 * failing scenario shows what it counted.
 */
final class FaultTable {

  private static final Path FILE = Path.of(System.getProperty("flowgate.fault.table", "target/fault-table.md"));
  private static boolean started;

  private FaultTable() {}

  /**
   * @param counts what the scenario counted, in the order to show
   * @param holds whether the counts keep the promise: no record lost, none counted twice, no run lost
   */
  static synchronized void record(String scenario, Duration took, Map<String, ?> counts, boolean holds) {
    String shown = counts.entrySet().stream().map(e -> e.getKey() + " " + e.getValue()).collect(Collectors.joining(" · "));
    String line = String.format("| %s | %.1f s | %s | %s |%n", scenario, took.toMillis() / 1000.0, shown,
        holds ? "yes" : "**no**");
    System.out.print("fault scenario " + line);
    try {
      Files.createDirectories(FILE.toAbsolutePath().getParent());
      if (!started) {
        Files.writeString(FILE, """
            | scenario | took | counts | no record lost, none counted twice, no run lost |
            | --- | --- | --- | --- |
            """);
        started = true;
      }
      Files.writeString(FILE, line, StandardOpenOption.APPEND);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
