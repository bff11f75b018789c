package dev.flowgate.gateway.quota;

import dev.flowgate.contracts.EventCodec;
import dev.flowgate.contracts.Subjects;
import dev.flowgate.contracts.billing.QuotaStateChanged;
import dev.flowgate.gateway.config.GatewayNats;
import io.nats.client.Message;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Listens on {@code billing.quotas}. Billing repeats the state of every blocked tenant every few
 * seconds, so a gateway that starts, or reconnects, late learns of blocks without replay.
 */
@Component
class QuotaListener {

  private static final Logger log = LoggerFactory.getLogger(QuotaListener.class);

  private final QuotaBlocks blocks;

  QuotaListener(GatewayNats nats, QuotaBlocks blocks) {
    this.blocks = blocks;
    nats.subscribe(Subjects.BILLING_QUOTAS, this::onMessage);
  }

  void onMessage(Message message) {
    QuotaStateChanged change;
    try {
      change = EventCodec.envelope(message.getData(), QuotaStateChanged.class).payload();
    } catch (RuntimeException e) {
      log.warn("Unreadable message on {}: {}", Subjects.BILLING_QUOTAS, e.toString());
      return;
    }
    if (change.blocked() != (blocks.blockedUntil(change.tenantId()) != null)) {
      log.info("Tenant {} quota {}: {}", change.tenantId(), change.state(),
          change.blocked() ? "blocked until " + change.blockedUntil() : "calls allowed");
    }
    blocks.apply(change);
  }
}
