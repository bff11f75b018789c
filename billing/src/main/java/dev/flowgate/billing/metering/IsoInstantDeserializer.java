package dev.flowgate.billing.metering;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.deser.std.StdScalarDeserializer;
import tools.jackson.databind.ext.javatime.deser.InstantDeserializer;

/**
 * Reads the instants {@code Instant.toString()} writes ({@code 2026-11-24T03:30:49.752414565Z})
 * directly: through {@code DateTimeFormatter} they were a third of decoding an api call. Anything
 * else (another offset, a number, a leap second) goes to Jackson's own deserializer.
 */
final class IsoInstantDeserializer extends StdScalarDeserializer<Instant> {

  private static final int[] NANOS_PER_DIGIT = {0, 100_000_000, 10_000_000, 1_000_000, 100_000, 10_000, 1_000, 100,
      10, 1};

  IsoInstantDeserializer() {
    super(Instant.class);
  }

  @Override
  public Instant deserialize(JsonParser p, DeserializationContext ctxt) {
    if (p.hasToken(JsonToken.VALUE_STRING)) {
      Instant instant = parse(p.getString());
      if (instant != null) {
        return instant;
      }
    }
    return InstantDeserializer.INSTANT.deserialize(p, ctxt);
  }

  /** The instant, or null when the text is not {@code yyyy-MM-ddTHH:mm:ss[.f{1,9}]Z}. */
  static @Nullable Instant parse(String s) {
    int len = s.length();
    if (len < 20 || len > 30 || s.charAt(len - 1) != 'Z' || s.charAt(4) != '-' || s.charAt(7) != '-'
        || s.charAt(10) != 'T' || s.charAt(13) != ':' || s.charAt(16) != ':') {
      return null;
    }
    int year = digits(s, 0, 4);
    int month = digits(s, 5, 2);
    int day = digits(s, 8, 2);
    int hour = digits(s, 11, 2);
    int minute = digits(s, 14, 2);
    int second = digits(s, 17, 2);
    if (year < 0 || month < 0 || day < 0 || hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0
        || second > 59) {
      return null;
    }
    int nanos = 0;
    if (len > 20) {
      int fraction = len - 21;
      if (s.charAt(19) != '.' || fraction < 1) {
        return null;
      }
      int value = digits(s, 20, fraction);
      if (value < 0) {
        return null;
      }
      nanos = value * NANOS_PER_DIGIT[fraction];
    }
    try {
      long day0 = LocalDate.of(year, month, day).toEpochDay();
      return Instant.ofEpochSecond(day0 * 86_400 + hour * 3_600L + minute * 60L + second, nanos);
    } catch (DateTimeException e) {
      return null;
    }
  }

  private static int digits(String s, int from, int count) {
    int value = 0;
    for (int i = from; i < from + count; i++) {
      char c = s.charAt(i);
      if (c < '0' || c > '9') {
        return -1;
      }
      value = value * 10 + (c - '0');
    }
    return value;
  }
}
