package dev.flowgate.billing.metering;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.transaction.CannotCreateTransactionException;

class MeteringFailuresTest {

  @Test
  void an_unreachable_database_is_transient_even_when_wrapped() {
    var down = new CannotCreateTransactionException("no connection", new CannotGetJdbcConnectionException("refused"));
    assertThat(MeteringFailures.isTransient(new BatchListenerFailedException("x", down, 0))).isTrue();
    assertThat(MeteringFailures.isTransient(new QueryTimeoutException("slow"))).isTrue();
  }

  @Test
  void bad_data_and_bad_records_are_not_transient() {
    assertThat(MeteringFailures.isTransient(new DataIntegrityViolationException("too long"))).isFalse();
    assertThat(MeteringFailures.isTransient(new MalformedApiCallException("bad json"))).isFalse();
    assertThat(MeteringFailures.isTransient(null)).isFalse();
  }
}
