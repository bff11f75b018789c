package dev.flowgate.billing.metering;

import dev.flowgate.billing.BillingProperties;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.util.backoff.BackOff;
import org.springframework.util.backoff.ExponentialBackOff;
import org.springframework.util.backoff.FixedBackOff;

/**
 * A record that fails {@code attempts} times goes to the dead-letter topic with the reason in the
 * {@value #REASON_HEADER} header (plus spring-kafka's {@code kafka_dlt-*} headers); a malformed
 * one goes there at once. Either way the partition moves on. A database outage is no fault of the
 * record: it is retried with back-off until the database answers again.
 */
@Configuration(proxyBeanMethods = false)
class MeteringKafkaConfiguration {

  static final String REASON_HEADER = "flowgate-dlq-reason";

  @Bean
  DefaultErrorHandler meteringErrorHandler(KafkaOperations<?, ?> kafka, BillingProperties properties) {
    BillingProperties.Metering metering = properties.metering();
    var recoverer =
        new DeadLetterPublishingRecoverer(
            kafka, (record, ex) -> new TopicPartition(metering.deadLetterTopic(), -1));
    recoverer.setHeadersFunction(
        (record, ex) -> {
          var headers = new RecordHeaders();
          headers.add(REASON_HEADER, reason(ex).getBytes(StandardCharsets.UTF_8));
          return headers;
        });
    var handler =
        new DefaultErrorHandler(
            recoverer,
            new FixedBackOff(metering.retryInterval().toMillis(), Math.max(0, metering.attempts() - 1)));
    handler.addNotRetryableExceptions(MalformedApiCallException.class);
    handler.setBackOffFunction((record, ex) -> MeteringFailures.isTransient(ex) ? untilRecovered() : null);
    return handler;
  }

  /** Retries a database outage until it ends, backing off to 30 s (below the poll interval). */
  private static BackOff untilRecovered() {
    ExponentialBackOff backOff = new ExponentialBackOff(500, 2.0);
    backOff.setMaxInterval(30_000);
    return backOff;
  }

  /** Ours when we rejected the record, else the innermost cause (a database error, say). */
  static String reason(Throwable ex) {
    for (Throwable t = ex; t != null; t = t.getCause()) {
      if (t instanceof MalformedApiCallException) {
        return t.getClass().getSimpleName() + ": " + t.getMessage();
      }
    }
    Throwable cause = NestedExceptionUtils.getMostSpecificCause(ex);
    return cause.getClass().getSimpleName() + ": " + cause.getMessage();
  }
}
