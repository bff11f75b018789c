package dev.flowgate.gateway.metering;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/**
 * Records Kafka could not take, kept on disk in order until it can: append-only segment files
 * ({@code segment-<n>.log}, each record {@code [key length][value length][key][value]}) and a
 * {@code position} file naming the first record not yet delivered. Bounded by {@code maxBytes}:
 * a full spool refuses records rather than filling the disk. Segments written before a restart
 * are never appended to again, so a record torn by a crash only ends its segment.
 * Not thread-safe: one sender thread owns it.
 */
final class ApiCallSpool implements Closeable {

  /** One record: the partition key (tenant id) and the envelope's bytes. */
  record Entry(String key, byte[] value) {

    long size() {
      return 8L + key.getBytes(StandardCharsets.UTF_8).length + value.length;
    }
  }

  /** Records read from one segment, and where reading stops after them. */
  record Batch(List<Entry> entries, long segment, long endOffset) {}

  private static final int MAX_FIELD = 16 * 1024 * 1024;

  private final Path dir;
  private final long maxBytes;
  private final long segmentBytes;
  private final TreeMap<Long, Long> segments = new TreeMap<>(); // number -> bytes
  private long readSegment;
  private long readOffset;
  private long pending;
  private long writeSegment = -1;
  private @Nullable DataOutputStream writer;

  ApiCallSpool(Path dir, long maxBytes, long segmentBytes) throws IOException {
    this.dir = dir;
    this.maxBytes = maxBytes;
    this.segmentBytes = segmentBytes;
    Files.createDirectories(dir);
    try (Stream<Path> files = Files.list(dir)) {
      for (Path file : files.toList()) {
        String name = file.getFileName().toString();
        if (name.startsWith("segment-") && name.endsWith(".log")) {
          segments.put(Long.parseLong(name.substring(8, name.length() - 4)), Files.size(file));
        }
      }
    }
    readPosition();
    segments.headMap(readSegment).keySet().stream().toList().forEach(this::delete);
    for (long segment : segments.keySet()) {
      pending += count(segment, segment == readSegment ? readOffset : 0);
    }
  }

  /** @return false when the spool is full and the record was not kept */
  boolean append(Entry entry) throws IOException {
    long size = entry.size();
    if (bytes() + size > maxBytes) {
      return false;
    }
    DataOutputStream out = writer;
    if (out == null || segments.get(writeSegment) >= segmentBytes) {
      out = roll();
    }
    byte[] key = entry.key().getBytes(StandardCharsets.UTF_8);
    out.writeInt(key.length);
    out.writeInt(entry.value().length);
    out.write(key);
    out.write(entry.value());
    segments.merge(writeSegment, size, Long::sum);
    pending++;
    return true;
  }

  void flush() throws IOException {
    if (writer != null) {
      writer.flush();
    }
  }

  /** Up to {@code max} records from the first not yet delivered; empty when none. */
  Batch read(int max) throws IOException {
    flush();
    while (!segments.isEmpty()) {
      long segment = Math.max(readSegment, segments.firstKey());
      if (segment != readSegment) {
        readSegment = segment;
        readOffset = 0;
      }
      List<Entry> entries = new ArrayList<>();
      long end = readOffset;
      try (FileChannel channel = FileChannel.open(file(segment), StandardOpenOption.READ)) {
        channel.position(readOffset);
        DataInputStream in = new DataInputStream(Channels.newInputStream(channel));
        Entry entry;
        while (entries.size() < max && (entry = next(in)) != null) {
          entries.add(entry);
          end += entry.size();
        }
      }
      if (!entries.isEmpty() || segment == writeSegment) {
        return new Batch(entries, segment, end);
      }
      delete(segment); // fully delivered (or ended by a torn record) and never written again
      readOffset = 0;
    }
    return new Batch(List.of(), readSegment, readOffset);
  }

  /** Marks a batch delivered: reading goes on after it, and drained files are deleted. */
  void commit(Batch batch) throws IOException {
    readSegment = batch.segment();
    readOffset = batch.endOffset();
    pending -= batch.entries().size();
    if (pending <= 0) {
      pending = 0;
      closeWriter();
      segments.keySet().stream().toList().forEach(this::delete);
      readSegment = writeSegment + 1;
      readOffset = 0;
    }
    Path tmp = dir.resolve("position.tmp");
    Files.writeString(tmp, readSegment + " " + readOffset);
    Files.move(tmp, dir.resolve("position"), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }

  long pending() {
    return pending;
  }

  boolean isEmpty() {
    return pending == 0;
  }

  long bytes() {
    return segments.values().stream().mapToLong(Long::longValue).sum();
  }

  @Override
  public void close() throws IOException {
    closeWriter();
  }

  private DataOutputStream roll() throws IOException {
    closeWriter();
    writeSegment = Math.max(writeSegment + 1, segments.isEmpty() ? readSegment : segments.lastKey() + 1);
    segments.put(writeSegment, 0L);
    DataOutputStream out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(file(writeSegment),
        StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE), 64 * 1024));
    writer = out;
    return out;
  }

  private void closeWriter() throws IOException {
    if (writer != null) {
      writer.close();
      writer = null;
    }
  }

  private static @Nullable Entry next(DataInputStream in) throws IOException {
    try {
      int keyLength = in.readInt();
      int valueLength = in.readInt();
      if (keyLength < 0 || keyLength > MAX_FIELD || valueLength < 0 || valueLength > MAX_FIELD) {
        return null; // torn or damaged: the rest of this segment cannot be framed
      }
      byte[] key = in.readNBytes(keyLength);
      byte[] value = in.readNBytes(valueLength);
      if (key.length < keyLength || value.length < valueLength) {
        return null;
      }
      return new Entry(new String(key, StandardCharsets.UTF_8), value);
    } catch (EOFException e) {
      return null;
    }
  }

  private long count(long segment, long offset) throws IOException {
    long records = 0;
    try (InputStream raw = Files.newInputStream(file(segment))) {
      raw.skipNBytes(Math.min(offset, Files.size(file(segment))));
      DataInputStream in = new DataInputStream(new BufferedInputStream(raw));
      while (next(in) != null) {
        records++;
      }
    }
    return records;
  }

  private void readPosition() throws IOException {
    Path position = dir.resolve("position");
    if (Files.exists(position)) {
      String[] parts = Files.readString(position).strip().split(" ");
      readSegment = Long.parseLong(parts[0]);
      readOffset = Long.parseLong(parts[1]);
    } else {
      readSegment = segments.isEmpty() ? 0 : segments.firstKey();
    }
  }

  private void delete(long segment) {
    segments.remove(segment);
    try {
      Files.deleteIfExists(file(segment));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private Path file(long segment) {
    return dir.resolve("segment-%016d.log".formatted(segment));
  }
}
