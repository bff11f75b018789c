package dev.flowgate.portal.apikeys;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

/**
 * The periods the keys screen charts a key's usage over. Up to a week billing's hourly buckets
 * stay readable; a month is charted by day, or it would be 720 bars.
 */
enum KeyUsageWindow {
  DAY("24 hours", Duration.ofHours(24), ChronoUnit.HOURS),
  WEEK("7 days", Duration.ofDays(7), ChronoUnit.HOURS),
  MONTH("30 days", Duration.ofDays(30), ChronoUnit.DAYS);

  private static final DateTimeFormatter HOUR = DateTimeFormatter.ofPattern("MM-dd HH:00").withZone(ZoneOffset.UTC);
  private static final DateTimeFormatter DAY_LABEL = DateTimeFormatter.ofPattern("yyyy-MM-dd").withZone(ZoneOffset.UTC);

  final String label;
  final Duration length;
  final ChronoUnit bucket;

  KeyUsageWindow(String label, Duration length, ChronoUnit bucket) {
    this.label = label;
    this.length = length;
    this.bucket = bucket;
  }

  /** The start of the first bucket, so the window holds exactly its buckets including the current one. */
  Instant from(Instant now) {
    return now.truncatedTo(bucket).minus(length.minus(bucket.getDuration()));
  }

  /** Billing's granularity for this window: {@code hour} or {@code day}. */
  String granularity() {
    return bucket == ChronoUnit.DAYS ? "day" : "hour";
  }

  String bucketName() {
    return bucket == ChronoUnit.DAYS ? "day" : "hour";
  }

  String format(Instant bucketStart) {
    return (bucket == ChronoUnit.DAYS ? DAY_LABEL : HOUR).format(bucketStart);
  }
}
