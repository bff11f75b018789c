package dev.flowgate.gateway.metering;

import dev.flowgate.gateway.metering.ApiCallSpool.Batch;
import dev.flowgate.gateway.metering.ApiCallSpool.Entry;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * One batch read from the spool on its way to Kafka. The spool's position moves past it only when
 * every record is acknowledged; after a failure only the records not yet acknowledged are sent
 * again, so a partly delivered batch does not duplicate its delivered records.
 */
final class SpoolDrain {

  private static final int PENDING = 0;
  private static final int DELIVERED = 1;
  private static final int FAILED = 2;

  private final Batch batch;
  private final AtomicIntegerArray states;
  private final AtomicInteger outstanding = new AtomicInteger();
  private final AtomicBoolean failed = new AtomicBoolean();

  SpoolDrain(Batch batch) {
    this.batch = batch;
    this.states = new AtomicIntegerArray(batch.entries().size());
  }

  Batch batch() {
    return batch;
  }

  /**
   * Sends every record not yet delivered; stops at the first failure reported while sending (the
   * producer reports "no broker" synchronously after {@code max.block.ms}), so an outage costs
   * one wait, not one per record.
   *
   * @param send sends a record and reports its outcome: null on success, else the error
   */
  void send(BiConsumer<Entry, Consumer<@Nullable Throwable>> send) {
    failed.set(false);
    for (int i = 0; i < states.length(); i++) {
      if (states.get(i) == DELIVERED) {
        continue;
      }
      if (failed.get()) {
        states.set(i, FAILED);
        continue;
      }
      int index = i;
      states.set(i, PENDING);
      outstanding.incrementAndGet();
      send.accept(batch.entries().get(i), error -> {
        if (error == null) {
          states.set(index, DELIVERED);
        } else {
          states.set(index, FAILED);
          failed.set(true);
        }
        outstanding.decrementAndGet();
      });
    }
  }

  /** Every record sent has its answer. */
  boolean settled() {
    return outstanding.get() == 0;
  }

  boolean delivered() {
    for (int i = 0; i < states.length(); i++) {
      if (states.get(i) != DELIVERED) {
        return false;
      }
    }
    return true;
  }
}
