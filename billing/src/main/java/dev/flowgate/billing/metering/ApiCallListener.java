package dev.flowgate.billing.metering;

import dev.flowgate.contracts.Envelope;
import dev.flowgate.contracts.calls.ApiCallRecorded;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.stereotype.Component;

/**
 * Batch listener on {@code api.calls}. Offsets are committed by the container after this method
 * returns, that is after the database transaction has committed. A failure names the record it
 * happened at ({@link BatchListenerFailedException}), so the error handler commits what came
 * before, retries from there and dead-letters only that record.
 */
@Component
class ApiCallListener {

  private final MeteringService metering;

  ApiCallListener(MeteringService metering) {
    this.metering = metering;
  }

  @KafkaListener(
      id = "billing-metering",
      idIsGroup = false,
      topics = "${flowgate.billing.metering.topic}",
      batch = "true")
  void onApiCalls(List<ConsumerRecord<String, byte[]>> records) {
    List<Envelope<ApiCallRecorded>> calls = new ArrayList<>(records.size());
    for (int i = 0; i < records.size(); i++) {
      try {
        calls.add(ApiCallDecoder.decode(records.get(i).value()));
      } catch (MalformedApiCallException e) {
        // store the good records before it, so that only the bad one is retried and dead-lettered
        store(calls);
        throw new BatchListenerFailedException(e.getMessage(), e, i);
      }
    }
    store(calls);
  }

  /** Stores the calls, which are the batch's first records in order. */
  private void store(List<Envelope<ApiCallRecorded>> calls) {
    try {
      metering.record(calls);
    } catch (RuntimeException batchFailure) {
      if (MeteringFailures.isTransient(batchFailure)) {
        throw new BatchListenerFailedException("metering unavailable: " + batchFailure.getMessage(), batchFailure, 0);
      }
      // find the record at fault: one at a time, each in its own transaction (storing is idempotent)
      for (int i = 0; i < calls.size(); i++) {
        try {
          metering.record(List.of(calls.get(i)));
        } catch (RuntimeException e) {
          throw new BatchListenerFailedException("metering failed: " + e.getMessage(), e, i);
        }
      }
    }
  }
}
