package dev.flowgate.gateway.config;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** The last good snapshot on disk, written atomically so a crash never leaves half a file. */
public final class SnapshotStore {

  /** The stored JSON and when it was written. */
  public record Stored(byte[] json, Instant savedAt) {}

  private final Path file;

  public SnapshotStore(Path stateDir) {
    this.file = stateDir.resolve("snapshot.json");
  }

  public Path file() {
    return file;
  }

  public @Nullable Stored load() throws IOException {
    if (!Files.isRegularFile(file)) {
      return null;
    }
    return new Stored(Files.readAllBytes(file), Files.getLastModifiedTime(file).toInstant());
  }

  public void save(byte[] json) throws IOException {
    Files.createDirectories(file.getParent());
    Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
    Files.write(tmp, json, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.SYNC);
    try {
      Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
    }
  }
}
