package dev.flowgate.worker.triggers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.flowgate.contracts.Subjects;
import dev.flowgate.worker.WorkerIntegrationTest;
import dev.flowgate.worker.nats.NatsConnector;
import io.nats.client.Connection;
import io.nats.client.PublishOptions;
import io.nats.client.api.ConsumerInfo;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A message whose handler must wait (the workflow engine is away) is held on the real JetStream
 * for longer than its deliveries would last, costs no delivery, keeps its order, and is handled
 * once when the wait ends.
 */
@WorkerIntegrationTest
class JetStreamLoopIT {

  @Autowired NatsConnector nats;

  @Test
  void a_waiting_message_is_held_without_using_up_its_deliveries_and_then_handled_once_in_order() throws Exception {
    Connection connection = await().atMost(Duration.ofSeconds(10)).until(() -> nats.connection().orElse(null), c -> c != null);
    String subject = Subjects.workflowTriggers(UUID.randomUUID());
    String durable = "loop-it-" + UUID.randomUUID();
    // two deliveries at most: a wait that counted as deliveries would be given up after the second
    TriggersProperties properties = new TriggersProperties(true, durable, true, Duration.ofMinutes(2), 2);
    AtomicInteger attempts = new AtomicInteger();
    List<String> handled = new CopyOnWriteArrayList<>();
    List<Long> deliveries = new CopyOnWriteArrayList<>();
    JetStreamLoop loop = new JetStreamLoop(nats, properties, durable, subject, message -> {
      String body = new String(message.getData(), StandardCharsets.UTF_8);
      if (body.equals("first") && attempts.incrementAndGet() <= 5) {
        return JetStreamLoop.Outcome.WAIT; // about ten seconds of an absent engine
      }
      handled.add(body);
      deliveries.add(message.metaData().deliveredCount());
      return JetStreamLoop.Outcome.ACK;
    });
    Thread consumer = Thread.ofPlatform().daemon().name("loop-it").start(loop);
    try {
      await().atMost(Duration.ofSeconds(15)).ignoreExceptions().until(() ->
          connection.jetStreamManagement().getConsumerInfo(Subjects.WORKFLOW_STREAM, durable) != null);
      publish(connection, subject, "first");
      publish(connection, subject, "second");

      await().atMost(Duration.ofSeconds(30)).until(() -> handled.size() == 2);
      Thread.sleep(2_000);

      assertThat(attempts.get()).as("attempts of the waiting message").isEqualTo(6);
      assertThat(handled).as("each handled once, in order").containsExactly("first", "second");
      assertThat(deliveries).as("the wait cost no delivery").containsOnly(1L);
      ConsumerInfo info = connection.jetStreamManagement().getConsumerInfo(Subjects.WORKFLOW_STREAM, durable);
      assertThat(info.getNumAckPending()).isZero();
      assertThat(info.getRedelivered()).isZero();
    } finally {
      loop.stop();
      consumer.join(Duration.ofSeconds(5));
    }
  }

  private static void publish(Connection connection, String subject, String body) throws Exception {
    connection.jetStream().publish(subject, body.getBytes(StandardCharsets.UTF_8),
        PublishOptions.builder().messageId(UUID.randomUUID().toString()).build());
  }
}
