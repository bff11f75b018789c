package dev.flowgate.portal.billingteam;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.function.LongConsumer;

/**
 * Copies a CSV as it streams and counts its rows on the way (line ends after the header), telling
 * the listener every so many rows and at the end. A quoted field with a line break in it counts
 * twice: the count drives a progress bar, not the books.
 */
final class CsvProgress {

  private static final int CHUNK = 8192;

  private final long reportEvery;
  private final LongConsumer listener;

  CsvProgress(long reportEvery, LongConsumer listener) {
    this.reportEvery = reportEvery;
    this.listener = listener;
  }

  /** @return the data rows copied (lines after the header) */
  long copy(InputStream in, OutputStream out) throws IOException {
    byte[] buffer = new byte[CHUNK];
    long lines = 0;
    long reported = 0;
    byte last = '\n';
    for (int read; (read = in.read(buffer)) >= 0; ) {
      if (read == 0) {
        continue;
      }
      out.write(buffer, 0, read);
      last = buffer[read - 1];
      for (int i = 0; i < read; i++) {
        if (buffer[i] == '\n') {
          lines++;
        }
      }
      long rows = Math.max(lines - 1, 0);
      if (rows - reported >= reportEvery) {
        out.flush();
        listener.accept(rows);
        reported = rows;
      }
    }
    out.flush();
    long rows = Math.max(lines + (last == '\n' ? 0 : 1) - 1, 0);
    listener.accept(rows);
    return rows;
  }
}
