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

  // the document's fixed text, copied whole rather than a character at a time
  private static final byte[] EVENT_ID = ascii("{\"eventId\":");
  private static final byte[] EVENT_TYPE = ascii(",\"eventType\":");
  private static final byte[] SCHEMA_VERSION = ascii(",\"schemaVersion\":");
  private static final byte[] OCCURRED_AT = ascii(",\"occurredAt\":");
  private static final byte[] TENANT_ID = ascii(",\"tenantId\":");
  private static final byte[] CORRELATION_ID = ascii(",\"correlationId\":");
  private static final byte[] SOURCE = ascii(",\"source\":");
  private static final byte[] REQUEST_ID = ascii(",\"payload\":{\"requestId\":");
  private static final byte[] KEY_ID = ascii(",\"keyId\":");
  private static final byte[] ROUTE_ID = ascii(",\"routeId\":");
  private static final byte[] SERVICE_ID = ascii(",\"serviceId\":");
  private static final byte[] METHOD = ascii(",\"method\":");
  private static final byte[] PATH = ascii(",\"path\":");
  private static final byte[] STATUS = ascii(",\"status\":");
  private static final byte[] LATENCY_MS = ascii(",\"latencyMs\":");
  private static final byte[] REQUEST_BYTES = ascii(",\"requestBytes\":");
  private static final byte[] RESPONSE_BYTES = ascii(",\"responseBytes\":");
  private static final byte[] CLIENT_IP = ascii(",\"clientIp\":");
  private static final byte[] TIMESTAMP = ascii(",\"timestamp\":");
  private static final byte[] END = ascii("}}");
  private static final byte[] NULL = ascii("null");

  // A gateway's records repeat the same tenant, key, route and service ids and, within a second,
  // the same date and time: each slot keeps the last one written and its text.
  private static final int TENANT = 0;
  private static final int KEY = 1;
  private static final int ROUTE = 2;
  private static final int SERVICE = 3;
  private final @Nullable UUID[] lastIds = new UUID[4];
  private final byte[][] lastIdText = new byte[4][38];
  private long lastSecond = Long.MIN_VALUE;
  private final byte[] lastSecondText = new byte[20]; // the opening quote, then yyyy-MM-ddTHH:mm:ss

  private byte[] buffer = new byte[768];
  private int size;

  /** The envelope's JSON, UTF-8 encoded, in a fresh array of its exact length. */
  public byte[] write(Envelope<ApiCallRecorded> envelope) {
    size = 0;
    ApiCallRecorded call = envelope.payload();
    bytes(EVENT_ID);
    uuid(envelope.eventId());
    bytes(EVENT_TYPE);
    string(envelope.eventType());
    bytes(SCHEMA_VERSION);
    number(envelope.schemaVersion());
    bytes(OCCURRED_AT);
    instant(envelope.occurredAt());
    bytes(TENANT_ID);
    uuid(envelope.tenantId(), TENANT);
    bytes(CORRELATION_ID);
    string(envelope.correlationId());
    bytes(SOURCE);
    string(envelope.source());
    bytes(REQUEST_ID);
    string(call.requestId());
    bytes(TENANT_ID);
    uuid(call.tenantId(), TENANT);
    bytes(KEY_ID);
    uuid(call.keyId(), KEY);
    bytes(ROUTE_ID);
    uuid(call.routeId(), ROUTE);
    bytes(SERVICE_ID);
    uuid(call.serviceId(), SERVICE);
    bytes(METHOD);
    string(call.method());
    bytes(PATH);
    string(call.path());
    bytes(STATUS);
    number(call.status());
    bytes(LATENCY_MS);
    number(call.latencyMs());
    bytes(REQUEST_BYTES);
    number(call.requestBytes());
    bytes(RESPONSE_BYTES);
    number(call.responseBytes());
    bytes(CLIENT_IP);
    string(call.clientIp());
    bytes(TIMESTAMP);
    instant(call.timestamp());
    bytes(END);
    return Arrays.copyOf(buffer, size);
  }

  private void uuid(@Nullable UUID id, int slot) {
    if (id == null) {
      bytes(NULL);
    } else if (id.equals(lastIds[slot])) {
      bytes(lastIdText[slot]);
    } else {
      int at = size;
      uuid(id);
      System.arraycopy(buffer, at, lastIdText[slot], 0, 38);
      lastIds[slot] = id;
    }
  }

  private void uuid(@Nullable UUID id) {
    if (id == null) {
      bytes(NULL);
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
    room(32);
    if (seconds != lastSecond) {
      int at = size;
      LocalDateTime time = LocalDateTime.ofEpochSecond(seconds, 0, ZoneOffset.UTC);
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
      System.arraycopy(buffer, at, lastSecondText, 0, lastSecondText.length);
      lastSecond = seconds;
    } else {
      bytes(lastSecondText);
    }
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
    if (value < 0) { // no call measures a negative: the rare case may allocate
      bytes(ascii(Long.toString(value)));
      return;
    }
    int count = 1;
    for (long rest = value / 10; rest != 0; rest /= 10) {
      count++;
    }
    room(count);
    for (int i = size + count - 1; i >= size; i--) {
      buffer[i] = (byte) ('0' + value % 10);
      value /= 10;
    }
    size += count;
  }

  private void string(@Nullable String value) {
    if (value == null) {
      bytes(NULL);
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

  private void bytes(byte[] text) {
    room(text.length);
    System.arraycopy(text, 0, buffer, size, text.length);
    size += text.length;
  }

  private static byte[] ascii(String text) {
    return text.getBytes(StandardCharsets.US_ASCII);
  }

  private void room(int bytes) {
    if (size + bytes > buffer.length) {
      buffer = Arrays.copyOf(buffer, Math.max(buffer.length * 2, size + bytes));
    }
  }
}
