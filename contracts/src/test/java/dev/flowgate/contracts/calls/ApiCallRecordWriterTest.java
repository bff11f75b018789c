package dev.flowgate.contracts.calls;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flowgate.contracts.Envelope;
import dev.flowgate.contracts.EventCodec;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.SplittableRandom;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ApiCallRecordWriterTest {

  private final ApiCallRecordWriter writer = new ApiCallRecordWriter();

  @ParameterizedTest
  @ValueSource(strings = {
      "/orders/7", "", "/a\"quoted\"/back\\slash", "/tab\there\nnew\u0001\u001f\u007f",
      "/caf\u00e9/\u20ac/\u65e5\u672c", "/emoji/\ud83d\ude80/end", "/\u2028\u2029"})
  void writesWhatTheMapperWritesForAnyPath(String path) {
    assertSameAsMapper(envelope(path, UUID.randomUUID(), "203.0.113.9", Instant.parse("2026-11-23T10:15:30.123456789Z")));
  }

  @Test
  void writesALoneSurrogateAsTheReplacementCharacterSoTheRecordStaysValidUtf8() {
    Envelope<ApiCallRecorded> envelope = envelope("/lone/\ud800/x", UUID.randomUUID(), null, Instant.EPOCH);
    assertThat(EventCodec.envelope(writer.write(envelope), ApiCallRecorded.class).payload().path())
        .isEqualTo("/lone/\ufffd/x");
  }

  @Test
  void writesNullsWhereTheCallHadNoKeyRouteOrClient() {
    ApiCallRecorded call = new ApiCallRecorded("req-1", UUID.randomUUID(), null, null, null, "POST", "/x", 404, 0,
        -1, Long.MAX_VALUE, null, Instant.EPOCH);
    assertSameAsMapper(new Envelope<>(UUID.randomUUID(), call.eventType(), call.schemaVersion(), Instant.EPOCH, null,
        null, "gateway-runtime", call));
  }

  @Test
  void matchesTheMapperOnRandomRecordsAndGrowsItsBuffer() {
    SplittableRandom random = new SplittableRandom(42);
    for (int i = 0; i < 500; i++) {
      StringBuilder path = new StringBuilder("/");
      int length = random.nextInt(i < 490 ? 40 : 5_000);
      for (int c = 0; c < length; c++) {
        path.append((char) random.nextInt(i % 2 == 0 ? 0x80 : 0xD800));
      }
      int nanos = switch (i % 4) {
        case 0 -> 0;
        case 1 -> random.nextInt(1_000) * 1_000_000;
        case 2 -> random.nextInt(1_000_000) * 1_000;
        default -> random.nextInt(1_000_000_000);
      };
      Instant at = Instant.ofEpochSecond(random.nextLong(-70_000_000_000L, 260_000_000_000L), nanos);
      assertSameAsMapper(envelope(path.toString(), new UUID(random.nextLong(), random.nextLong()),
          random.nextBoolean() ? "::1" : null, at));
    }
  }

  @Test
  void repeatedIdsAndSecondsAreWrittenLikeFreshOnes() {
    // the writer keeps the last ids and second it wrote: records that share some and differ in
    // others, in every order, must each still match the mapper
    UUID tenant = UUID.randomUUID();
    UUID otherTenant = UUID.randomUUID();
    UUID key = UUID.randomUUID();
    UUID route = UUID.randomUUID();
    Instant second = Instant.parse("2026-11-24T15:59:59Z");
    UUID[] keys = {key, key, null, UUID.randomUUID(), key};
    UUID[] tenants = {tenant, tenant, tenant, otherTenant, tenant};
    Instant[] times = {second, second.plusMillis(250), second.plusSeconds(1), second.plusNanos(7), second.plusNanos(7)};
    for (int i = 0; i < keys.length; i++) {
      ApiCallRecorded call = new ApiCallRecorded("req-" + i, tenants[i], keys[i], i == 2 ? null : route,
          UUID.randomUUID(), "GET", "/r/" + i, 200 + i, i, -i, i * 1_000L, null, times[i]);
      assertSameAsMapper(new Envelope<>(UUID.randomUUID(), call.eventType(), call.schemaVersion(), times[i],
          tenants[i], call.requestId(), "gateway-runtime", call));
    }
  }

  private static Envelope<ApiCallRecorded> envelope(String path, UUID key, String clientIp, Instant at) {
    UUID tenant = UUID.randomUUID();
    ApiCallRecorded call = new ApiCallRecorded("req-\"7\"", tenant, key, UUID.randomUUID(), UUID.randomUUID(), "GET",
        path, 200, 12, 34, 567, clientIp, at);
    return new Envelope<>(UUID.randomUUID(), call.eventType(), call.schemaVersion(), at, tenant, call.requestId(),
        "gateway-runtime/h\u00f6st", call);
  }

  private void assertSameAsMapper(Envelope<ApiCallRecorded> envelope) {
    byte[] written = writer.write(envelope);
    assertThat(EventCodec.mapper().readTree(written))
        .as("%s", new String(written, StandardCharsets.UTF_8))
        .isEqualTo(EventCodec.mapper().readTree(EventCodec.toBytes(envelope)));
    assertThat(EventCodec.envelope(written, ApiCallRecorded.class)).isEqualTo(envelope);
  }
}
