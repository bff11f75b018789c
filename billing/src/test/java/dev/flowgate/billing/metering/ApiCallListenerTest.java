package dev.flowgate.billing.metering;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.anyList;
import static org.mockito.ArgumentMatchers.argThat;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;

import dev.flowgate.contracts.Envelope;
import dev.flowgate.contracts.EventCodec;
import dev.flowgate.contracts.Topics;
import dev.flowgate.contracts.calls.ApiCallRecorded;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.kafka.listener.BatchListenerFailedException;

class ApiCallListenerTest {

  private final MeteringService metering = mock(MeteringService.class);
  private final ApiCallListener listener = new ApiCallListener(metering);
  private final UUID tenant = UUID.randomUUID();
  private long offset;

  private ConsumerRecord<String, byte[]> record(byte[] value) {
    return new ConsumerRecord<>(Topics.API_CALLS, 0, offset++, tenant.toString(), value);
  }

  private ConsumerRecord<String, byte[]> call(String requestId) {
    var call = new ApiCallRecorded(requestId, tenant, null, null, null, "GET", "/", 200, 1, 0, 0, null, Instant.now());
    return record(EventCodec.toBytes(Envelope.of(call, tenant, requestId, "test", Instant.now())));
  }

  private static int failedIndex(Throwable e) {
    return ((BatchListenerFailedException) e).getIndex();
  }

  @Test
  void a_malformed_record_is_named_after_the_good_ones_before_it_are_stored() {
    var records = List.of(call("a"), call("b"), record("{oops".getBytes(StandardCharsets.UTF_8)), call("c"));

    assertThatThrownBy(() -> listener.onApiCalls(records))
        .isInstanceOf(BatchListenerFailedException.class)
        .satisfies(e -> assertThat(failedIndex(e)).isEqualTo(2))
        .hasCauseInstanceOf(MalformedApiCallException.class);
    verify(metering).record(argThat(calls -> calls.size() == 2));
  }

  @Test
  void a_database_outage_fails_the_batch_at_its_first_record() {
    doThrow(new CannotGetJdbcConnectionException("refused")).when(metering).record(anyList());

    assertThatThrownBy(() -> listener.onApiCalls(List.of(call("a"), call("b"))))
        .isInstanceOf(BatchListenerFailedException.class)
        .satisfies(e -> assertThat(failedIndex(e)).isZero());
  }

  @Test
  void a_record_the_database_rejects_is_found_one_by_one() {
    doThrow(new DataIntegrityViolationException("bad"))
        .when(metering)
        .record(argThat(calls -> calls.size() > 1 || calls.getFirst().payload().requestId().equals("c")));

    assertThatThrownBy(() -> listener.onApiCalls(List.of(call("a"), call("b"), call("c"), call("d"))))
        .isInstanceOf(BatchListenerFailedException.class)
        .satisfies(e -> assertThat(failedIndex(e)).isEqualTo(2));
    verify(metering).record(argThat(calls -> calls.size() == 1 && calls.getFirst().payload().requestId().equals("b")));
    verify(metering, never())
        .record(argThat(calls -> calls.size() == 1 && calls.getFirst().payload().requestId().equals("d")));
  }
}
