package dev.flowgate.gateway.config;

import dev.flowgate.contracts.EventCodec;
import dev.flowgate.contracts.Subjects;
import dev.flowgate.contracts.config.ConfigInvalidated;
import io.nats.client.Connection;
import io.nats.client.ConnectionListener.Events;
import io.nats.client.Message;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Pulls the snapshot at once when the portal publishes on {@code config.invalidations}, and after
 * every (re)connection, since messages sent while disconnected are lost. Polling covers while
 * NATS is away.
 */
@Component
class InvalidationListener {

  private static final Logger log = LoggerFactory.getLogger(InvalidationListener.class);

  private final SnapshotRefresher refresher;

  InvalidationListener(GatewayNats nats, SnapshotRefresher refresher) {
    this.refresher = refresher;
    nats.subscribe(Subjects.CONFIG_INVALIDATIONS, this::onMessage);
    nats.onConnection(this::onConnectionEvent);
  }

  private void onConnectionEvent(Connection conn, Events event) {
    if (event == Events.CONNECTED || event == Events.RECONNECTED || event == Events.RESUBSCRIBED) {
      log.info("NATS {}: pulling the snapshot", event);
      refresher.refreshSoon();
    }
  }

  private void onMessage(Message message) {
    try {
      ConfigInvalidated change = EventCodec.envelope(message.getData(), ConfigInvalidated.class).payload();
      log.debug("Config invalidated: {} {} {} (version {})", change.resourceType(), change.resourceId(),
          change.change(), change.configVersion());
    } catch (RuntimeException e) {
      log.debug("Unreadable message on {}, refreshing anyway", Subjects.CONFIG_INVALIDATIONS);
    }
    refresher.refreshSoon();
  }
}
