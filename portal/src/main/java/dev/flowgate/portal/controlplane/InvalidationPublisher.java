package dev.flowgate.portal.controlplane;

import dev.flowgate.contracts.Envelope;
import dev.flowgate.contracts.EventCodec;
import dev.flowgate.contracts.Subjects;
import dev.flowgate.contracts.config.ConfigInvalidated;
import java.time.Clock;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/** After a configuration change commits, tells the gateways on {@code config.invalidations}. */
@Component
class InvalidationPublisher {

  private final NatsPublisher nats;
  private final Clock clock;

  InvalidationPublisher(NatsPublisher nats, Clock clock) {
    this.nats = nats;
    this.clock = clock;
  }

  @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT)
  void on(ConfigInvalidated change) {
    Envelope<ConfigInvalidated> envelope = Envelope.of(change, change.tenantId(), null, "portal", clock.instant());
    nats.publish(Subjects.CONFIG_INVALIDATIONS, EventCodec.toBytes(envelope));
  }
}
