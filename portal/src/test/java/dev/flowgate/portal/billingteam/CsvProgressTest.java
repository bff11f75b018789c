package dev.flowgate.portal.billingteam;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CsvProgressTest {

  private static String csv(int rows, boolean trailingNewline) {
    StringBuilder csv = new StringBuilder("a,b\n");
    for (int i = 0; i < rows; i++) {
      csv.append(i).append(",x").append(i < rows - 1 || trailingNewline ? "\n" : "");
    }
    return csv.toString();
  }

  /** Hands out at most a few bytes per read, as a network stream does. */
  private static InputStream trickle(String text) {
    return new FilterInputStream(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8))) {
      @Override
      public int read(byte[] b, int off, int len) throws IOException {
        return super.read(b, off, Math.min(len, 7));
      }
    };
  }

  @Test
  void rows_are_counted_after_the_header_and_reported_as_they_pass() throws IOException {
    List<Long> reports = new ArrayList<>();
    ByteArrayOutputStream out = new ByteArrayOutputStream();

    long rows = new CsvProgress(10, reports::add).copy(trickle(csv(35, true)), out);

    assertThat(rows).isEqualTo(35);
    assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo(csv(35, true));
    // reports fall on chunk boundaries: at least every 10 rows apart, then the final count
    assertThat(reports).hasSize(4).endsWith(35L).isSorted();
    for (int i = 1; i < reports.size() - 1; i++) {
      assertThat(reports.get(i) - reports.get(i - 1)).isGreaterThanOrEqualTo(10);
    }
  }

  @Test
  void a_last_row_without_a_line_end_still_counts_and_a_header_alone_is_no_row() throws IOException {
    assertThat(new CsvProgress(100, r -> { }).copy(trickle(csv(3, false)), new ByteArrayOutputStream())).isEqualTo(3);
    assertThat(new CsvProgress(100, r -> { }).copy(trickle("a,b\n"), new ByteArrayOutputStream())).isZero();
    assertThat(new CsvProgress(100, r -> { }).copy(trickle(""), new ByteArrayOutputStream())).isZero();
  }
}
