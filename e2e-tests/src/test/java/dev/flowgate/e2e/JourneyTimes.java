package dev.flowgate.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;

/** Keeps how long each timed journey took, as test output in target/journey-times.md and on stdout. */
final class JourneyTimes {

  private static final Path FILE = Path.of(System.getProperty("flowgate.journey.times", "target/journey-times.md"));

  private JourneyTimes() {}

  static void record(String journey, Duration took, int screens) {
    String line = String.format("| %s | %s | %.1f s | %d screens |%n", Instant.now(), journey, took.toMillis() / 1000.0, screens);
    System.out.print("journey time " + line);
    try {
      Files.createDirectories(FILE.toAbsolutePath().getParent());
      Files.writeString(FILE, line, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
