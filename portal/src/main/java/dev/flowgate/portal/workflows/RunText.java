package dev.flowgate.portal.workflows;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import org.jspecify.annotations.Nullable;

/** How run times and durations read on the runs screens (UTC, like the rest of the portal's tables). */
final class RunText {

  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneOffset.UTC);

  private RunText() {}

  static String time(@Nullable Instant instant) {
    return instant == null ? "–" : TIME.format(instant);
  }

  static String duration(@Nullable Duration duration) {
    if (duration == null) {
      return "–";
    }
    long ms = Math.max(0, duration.toMillis());
    return ms < 1000 ? ms + " ms" : ms < 60_000 ? String.format(java.util.Locale.ROOT, "%.1f s", ms / 1000.0)
        : (ms / 60_000) + " min " + (ms % 60_000) / 1000 + " s";
  }
}
