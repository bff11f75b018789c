package dev.flowgate.worker.triggers;

import dev.flowgate.contracts.Subjects;
import dev.flowgate.worker.nats.NatsConnector;
import io.nats.client.Connection;
import io.nats.client.JetStreamApiException;
import io.nats.client.JetStreamManagement;
import io.nats.client.JetStreamSubscription;
import io.nats.client.Message;
import io.nats.client.PullSubscribeOptions;
import io.nats.client.api.AckPolicy;
import io.nats.client.api.ConsumerConfiguration;
import io.nats.client.api.DeliverPolicy;
import io.nats.client.api.StorageType;
import io.nats.client.api.StreamConfiguration;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One durable pull consumer on stream {@value Subjects#WORKFLOW_STREAM}, created idempotently with
 * its stream, fetching in a loop on its own thread and (re)connecting while NATS is away.
 */
final class JetStreamLoop implements Runnable {

  /**
   * What to do with a message once handled: ACK it, RETRY it later (a delivery counted against
   * {@code maxDeliver}), DROP it, or WAIT: a component the message needs (Temporal) is away, so
   * the message is held, kept in progress and handled again until it settles otherwise. A wait
   * costs no delivery: an outage of any length loses no trigger.
   */
  enum Outcome { ACK, RETRY, DROP, WAIT }

  private static final Logger log = LoggerFactory.getLogger(JetStreamLoop.class);
  private static final Duration RETRY_DELAY = Duration.ofSeconds(5);
  private static final Duration WAIT_DELAY = Duration.ofSeconds(2);

  private final NatsConnector nats;
  private final TriggersProperties properties;
  private final String durable;
  private final String subject;
  private final Function<Message, Outcome> handler;
  private volatile boolean running = true;

  JetStreamLoop(NatsConnector nats, TriggersProperties properties, String durable, String subject,
      Function<Message, Outcome> handler) {
    this.nats = nats;
    this.properties = properties;
    this.durable = durable;
    this.subject = subject;
    this.handler = handler;
  }

  void stop() {
    running = false;
  }

  @Override
  public void run() {
    while (running) {
      try {
        Optional<Connection> connection = nats.connection();
        if (connection.isEmpty()) {
          Thread.sleep(RETRY_DELAY);
          continue;
        }
        JetStreamSubscription subscription = subscribe(connection.get());
        log.info("consuming {} as durable {} of stream {}", subject, durable, Subjects.WORKFLOW_STREAM);
        while (running) {
          settle(subscription.fetch(10, Duration.ofSeconds(1)));
        }
        subscription.unsubscribe();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      } catch (Exception | Error e) {
        log.warn("JetStream consumer {} on {} failed, retrying: {}", durable, subject, e.toString());
        try {
          Thread.sleep(RETRY_DELAY);
        } catch (InterruptedException interrupted) {
          Thread.currentThread().interrupt();
          return;
        }
      }
    }
  }

  /** Handles a fetched batch in order; a message that must wait holds the rest of the batch too. */
  private void settle(List<Message> batch) throws InterruptedException {
    for (int i = 0; i < batch.size(); i++) {
      Message message = batch.get(i);
      Outcome outcome = handle(message);
      if (outcome == Outcome.WAIT) {
        log.warn("a message on {} waits for the workflow engine", message.getSubject());
      }
      while (outcome == Outcome.WAIT && running) {
        // keeps the held messages from being redelivered (ack wait) while the engine is away
        batch.subList(i, batch.size()).forEach(Message::inProgress);
        Thread.sleep(WAIT_DELAY);
        outcome = handle(message);
      }
      if (outcome == Outcome.WAIT) {
        return; // stopping: unacknowledged, the held messages come again to the next consumer
      }
      settle(message, outcome);
    }
  }

  private Outcome handle(Message message) {
    try {
      return handler.apply(message);
    } catch (RuntimeException e) {
      log.warn("message on {} could not be handled: {}", message.getSubject(), e.toString());
      return Outcome.RETRY;
    }
  }

  private void settle(Message message, Outcome outcome) {
    long delivered = message.metaData().deliveredCount();
    switch (outcome) {
      case ACK -> message.ack();
      case DROP -> message.term();
      case WAIT -> throw new IllegalStateException("a waiting message is settled only once it stops waiting");
      case RETRY -> {
        if (delivered >= properties.maxDeliver()) {
          log.error("giving up on a message on {} after {} deliveries", message.getSubject(), delivered);
          message.term();
        } else {
          message.nakWithDelay(RETRY_DELAY.multipliedBy(delivered));
        }
      }
    }
  }

  private JetStreamSubscription subscribe(Connection connection) throws Exception {
    JetStreamManagement management = connection.jetStreamManagement();
    try {
      management.getStreamInfo(Subjects.WORKFLOW_STREAM);
    } catch (JetStreamApiException e) {
      if (e.getErrorCode() != 404) {
        throw e;
      }
      try {
        management.addStream(StreamConfiguration.builder()
            .name(Subjects.WORKFLOW_STREAM)
            .subjects(Subjects.WORKFLOW_TRIGGERS_ALL, Subjects.WORKFLOW_SIGNALS_ALL)
            .storageType(StorageType.File)
            .maxAge(Duration.ofDays(7))
            .duplicateWindow(Duration.ofMinutes(2))
            .build());
      } catch (JetStreamApiException raced) {
        management.getStreamInfo(Subjects.WORKFLOW_STREAM); // created meanwhile by another process
      }
    }
    ConsumerConfiguration.Builder consumer = ConsumerConfiguration.builder()
        .durable(durable)
        .filterSubject(subject)
        .ackPolicy(AckPolicy.Explicit)
        .ackWait(Duration.ofSeconds(60))
        .maxDeliver(properties.maxDeliver() + 1L)
        .deliverPolicy(properties.deliverNewOnly() ? DeliverPolicy.New : DeliverPolicy.All);
    if (properties.inactiveThreshold() != null) {
      consumer.inactiveThreshold(properties.inactiveThreshold());
    }
    try {
      management.addOrUpdateConsumer(Subjects.WORKFLOW_STREAM, consumer.build());
    } catch (JetStreamApiException e) {
      log.info("keeping the existing consumer {}: {}", durable, e.getMessage());
    }
    return connection.jetStream().subscribe(subject, PullSubscribeOptions.bind(Subjects.WORKFLOW_STREAM, durable));
  }
}
