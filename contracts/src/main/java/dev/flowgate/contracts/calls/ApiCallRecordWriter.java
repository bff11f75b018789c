package dev.flowgate.contracts.calls;

import dev.flowgate.contracts.Envelope;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Writes an {@code api.calls} envelope as the same JSON {@code EventCodec} writes, without
 * reflection: the gateway writes one per call, and the general mapper spent more CPU on them than
 * any gateway stage. {@code WireFormatTest} holds both writers to the same document.
 *
 * <p>Reuses one buffer, so an instance belongs to one thread.
 */
public final class ApiCallRecordWriter {

  private static final byte[] HEX = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);
  // years 0001 to 9999 print as four digits; Instant.toString handles the others
  private static final long FIRST_SECOND = Instant.parse("0001-01-01T00:00:00Z").getEpochSecond();
  private static final long LAST_SECOND = Instant.parse("9999-12-31T23:59:59Z").getEpochSecond();

  private byte[] buffer = new byte[768];
  private int size;

  /** The envelope's JSON, UTF-8 encoded, in a fresh array of its exact length. */
  public byte[] write(Envelope<ApiCallRecorded> envelope) {
    size = 0;
    ApiCallRecorded call = envelope.payload();
    ascii("{\"eventId\":");
    uuid(envelope.eventId());
    ascii(",\"eventType\":");
    string(envelope.eventType());
    ascii(",\"schemaVersion\":");
    number(envelope.schemaVersion());
    ascii(",\"occurredAt\":");
    instant(envelope.occurredAt());
    ascii(",\"tenantId\":");
    uuid(envelope.tenantId());
    ascii(",\"correlationId\":");
    string(envelope.correlationId());
    ascii(",\"source\":");
    string(envelope.source());
    ascii(",\"payload\":{\"requestId\":");
    string(call.requestId());
    ascii(",\"tenantId\":");
    uuid(call.tenantId());
    ascii(",\"keyId\":");
    uuid(call.keyId());
    ascii(",\"routeId\":");
    uuid(call.routeId());
    ascii(",\"serviceId\":");
    uuid(call.serviceId());
    ascii(",\"method\":");
    string(call.method());
    ascii(",\"path\":");
    string(call.path());
    ascii(",\"status\":");
    number(call.status());
    ascii(",\"latencyMs\":");
    number(call.latencyMs());
    ascii(",\"requestBytes\":");
    number(call.requestBytes());
    ascii(",\"responseBytes\":");
    number(call.responseBytes());
    ascii(",\"clientIp\":");
    string(call.clientIp());
    ascii(",\"timestamp\":");
    instant(call.timestamp());
    ascii("}}");
    return Arrays.copyOf(buffer, size);
  }

  private void uuid(@Nullable UUID id) {
    if (id == null) {
      ascii("null");
      return;
    }
    room(38);
    buffer[size++] = '"';
    hex(id.getMostSignificantBits() >>> 32, 8);
    buffer[size++] = '-';
    hex(id.getMostSignificantBits() >>> 16, 4);
    buffer[size++] = '-';
    hex(id.getMostSignificantBits(), 4);
    buffer[size++] = '-';
    hex(id.getLeastSignificantBits() >>> 48, 4);
    buffer[size++] = '-';
    hex(id.getLeastSignificantBits(), 12);
    buffer[size++] = '"';
  }

  private void hex(long value, int digits) {
    for (int i = digits - 1; i >= 0; i--) {
      buffer[size + i] = HEX[(int) (value & 0xF)];
      value >>>= 4;
    }
    size += digits;
  }

  private void instant(Instant instant) {
    long seconds = instant.getEpochSecond();
    if (seconds < FIRST_SECOND || seconds > LAST_SECOND) {
      string(instant.toString());
      return;
    }
    // ISO-8601 with 0, 3, 6 or 9 fraction digits, as Instant.toString and Jackson write it
    LocalDateTime time = LocalDateTime.ofEpochSecond(seconds, 0, ZoneOffset.UTC);
    room(32);
    buffer[size++] = '"';
    digits(time.getYear(), 4);
    buffer[size++] = '-';
    digits(time.getMonthValue(), 2);
    buffer[size++] = '-';
    digits(time.getDayOfMonth(), 2);
    buffer[size++] = 'T';
    digits(time.getHour(), 2);
    buffer[size++] = ':';
    digits(time.getMinute(), 2);
    buffer[size++] = ':';
    digits(time.getSecond(), 2);
    int nano = instant.getNano();
    if (nano != 0) {
      buffer[size++] = '.';
      if (nano % 1_000_000 == 0) {
        digits(nano / 1_000_000, 3);
      } else if (nano % 1_000 == 0) {
        digits(nano / 1_000, 6);
      } else {
        digits(nano, 9);
      }
    }
    buffer[size++] = 'Z';
    buffer[size++] = '"';
  }

  private void digits(int value, int count) {
    for (int i = count - 1; i >= 0; i--) {
      buffer[size + i] = (byte) ('0' + value % 10);
      value /= 10;
    }
    size += count;
  }

  private void number(long value) {
    ascii(Long.toString(value));
  }

  private void string(@Nullable String value) {
    if (value == null) {
      ascii("null");
      return;
    }
    int length = value.length();
    room(length + 2);
    buffer[size++] = '"';
    int i = 0;
    for (; i < length; i++) {
      char c = value.charAt(i);
      if (c < 0x20 || c >= 0x7F || c == '"' || c == '\\') {
        break;
      }
      buffer[size++] = (byte) c;
    }
    if (i < length) {
      escaped(value, i);
    }
    room(1);
    buffer[size++] = '"';
  }

  /** The rest of a string from its first character that is not printable ASCII. */
  private void escaped(String value, int from) {
    for (int i = from; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c >= 0x20 && c < 0x7F && c != '"' && c != '\\') {
        room(1);
        buffer[size++] = (byte) c;
      } else if (c == '"' || c == '\\') {
        room(2);
        buffer[size++] = '\\';
        buffer[size++] = (byte) c;
      } else if (c < 0x20 || c == 0x7F) {
        room(6);
        buffer[size++] = '\\';
        buffer[size++] = 'u';
        hex(c, 4);
      } else if (Character.isHighSurrogate(c) && i + 1 < value.length()
          && Character.isLowSurrogate(value.charAt(i + 1))) {
        utf8(Character.toCodePoint(c, value.charAt(++i)));
      } else if (Character.isSurrogate(c)) {
        utf8(0xFFFD); // a lone surrogate has no UTF-8 form
      } else {
        utf8(c);
      }
    }
  }

  private void utf8(int codePoint) {
    room(4);
    if (codePoint < 0x800) {
      buffer[size++] = (byte) (0xC0 | codePoint >> 6);
    } else if (codePoint < 0x10000) {
      buffer[size++] = (byte) (0xE0 | codePoint >> 12);
      buffer[size++] = (byte) (0x80 | (codePoint >> 6 & 0x3F));
    } else {
      buffer[size++] = (byte) (0xF0 | codePoint >> 18);
      buffer[size++] = (byte) (0x80 | (codePoint >> 12 & 0x3F));
      buffer[size++] = (byte) (0x80 | (codePoint >> 6 & 0x3F));
    }
    buffer[size++] = (byte) (0x80 | (codePoint & 0x3F));
  }

  private void ascii(String text) {
    room(text.length());
    for (int i = 0; i < text.length(); i++) {
      buffer[size++] = (byte) text.charAt(i);
    }
  }

  private void room(int bytes) {
    if (size + bytes > buffer.length) {
      buffer = Arrays.copyOf(buffer, Math.max(buffer.length * 2, size + bytes));
    }
  }
}
