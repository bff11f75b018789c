package dev.flowgate.gateway.metering;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flowgate.gateway.metering.ApiCallSpool.Batch;
import dev.flowgate.gateway.metering.ApiCallSpool.Entry;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ApiCallSpoolTest {

  @TempDir Path dir;

  private static Entry entry(int i) {
    return new Entry("tenant-" + (i % 3), ("record-" + i).getBytes(StandardCharsets.UTF_8));
  }

  private static List<String> values(Batch batch) {
    return batch.entries().stream().map(e -> new String(e.value(), StandardCharsets.UTF_8)).toList();
  }

  @Test
  void records_come_back_in_the_order_they_were_spooled_across_segments() throws IOException {
    try (ApiCallSpool spool = new ApiCallSpool(dir, 1_000_000, 100)) {
      for (int i = 0; i < 50; i++) {
        assertThat(spool.append(entry(i))).isTrue();
      }
      List<String> read = new ArrayList<>();
      while (!spool.isEmpty()) {
        Batch batch = spool.read(7);
        read.addAll(values(batch));
        spool.commit(batch);
      }
      assertThat(read).containsExactlyElementsOf(
          java.util.stream.IntStream.range(0, 50).mapToObj(i -> "record-" + i).toList());
      assertThat(segmentFiles()).isEmpty();
    }
  }

  @Test
  void a_batch_read_but_not_committed_is_read_again() throws IOException {
    try (ApiCallSpool spool = new ApiCallSpool(dir, 1_000_000, 1_000_000)) {
      spool.append(entry(1));
      spool.append(entry(2));
      assertThat(values(spool.read(10))).containsExactly("record-1", "record-2");
      assertThat(values(spool.read(10))).containsExactly("record-1", "record-2");
      assertThat(spool.pending()).isEqualTo(2);
    }
  }

  @Test
  void undelivered_records_survive_a_restart_and_delivered_ones_do_not_come_back() throws IOException {
    int delivered;
    try (ApiCallSpool spool = new ApiCallSpool(dir, 1_000_000, 64)) {
      for (int i = 0; i < 10; i++) {
        spool.append(entry(i));
      }
      Batch first = spool.read(4);
      spool.commit(first);
      delivered = first.entries().size();
    }
    try (ApiCallSpool reopened = new ApiCallSpool(dir, 1_000_000, 64)) {
      assertThat(delivered).isPositive();
      assertThat(reopened.pending()).isEqualTo(10 - delivered);
      reopened.append(entry(10));
      List<String> read = new ArrayList<>();
      while (!reopened.isEmpty()) {
        Batch batch = reopened.read(3);
        read.addAll(values(batch));
        reopened.commit(batch);
      }
      assertThat(read).containsExactlyElementsOf(
          java.util.stream.IntStream.rangeClosed(delivered, 10).mapToObj(i -> "record-" + i).toList());
    }
  }

  @Test
  void a_full_spool_refuses_records_instead_of_growing() throws IOException {
    try (ApiCallSpool spool = new ApiCallSpool(dir, 100, 1_000)) {
      int kept = 0;
      for (int i = 0; i < 20; i++) {
        kept += spool.append(entry(i)) ? 1 : 0;
      }
      assertThat(kept).isBetween(1, 19);
      assertThat(spool.bytes()).isLessThanOrEqualTo(100);
    }
  }

  @Test
  void a_record_torn_by_a_crash_ends_its_segment_without_losing_the_ones_before() throws IOException {
    try (ApiCallSpool spool = new ApiCallSpool(dir, 1_000_000, 1_000_000)) {
      spool.append(entry(1));
      spool.append(entry(2));
    }
    Path segment = segmentFiles().getFirst();
    Files.write(segment, new byte[] {0, 0, 0, 9, 0}, java.nio.file.StandardOpenOption.APPEND);
    try (ApiCallSpool reopened = new ApiCallSpool(dir, 1_000_000, 1_000_000)) {
      assertThat(reopened.pending()).isEqualTo(2);
      assertThat(values(reopened.read(10))).containsExactly("record-1", "record-2");
    }
  }

  private List<Path> segmentFiles() throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      return files.filter(f -> f.getFileName().toString().startsWith("segment-")).sorted().toList();
    }
  }
}
