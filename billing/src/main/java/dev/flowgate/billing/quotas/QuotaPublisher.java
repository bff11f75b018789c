package dev.flowgate.billing.quotas;

import dev.flowgate.contracts.Envelope;
import dev.flowgate.contracts.EventCodec;
import dev.flowgate.contracts.Subjects;
import dev.flowgate.contracts.billing.QuotaStateChanged;
import io.nats.client.Connection;
import io.nats.client.ConnectionListener;
import io.nats.client.ErrorListener;
import io.nats.client.Nats;
import io.nats.client.Options;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * Publishes quota states on plain NATS {@code billing.quotas}. Connects in the background and
 * reconnects forever, so billing starts and meters while NATS is down; what it could not send then
 * the periodic re-announcement of blocked tenants makes up for.
 */
@Component
class QuotaPublisher implements DisposableBean {

  private static final Logger log = LoggerFactory.getLogger(QuotaPublisher.class);
  private static final String SOURCE = "billing";

  private final AtomicReference<@Nullable Connection> connection = new AtomicReference<>();
  private final Clock clock;

  QuotaPublisher(QuotaProperties properties, Clock clock) throws InterruptedException {
    this.clock = clock;
    ConnectionListener listener = (conn, event) -> {
      if (event == ConnectionListener.Events.CONNECTED || event == ConnectionListener.Events.RECONNECTED) {
        connection.set(conn);
      }
    };
    Options options = new Options.Builder()
        .server(properties.natsUrl())
        .connectionName("billing-quotas")
        .connectionTimeout(Duration.ofSeconds(2))
        .maxReconnects(-1)
        .reconnectWait(Duration.ofSeconds(1))
        .connectionListener(listener)
        .errorListener(new ErrorListener() {})
        .build();
    Nats.connectAsynchronously(options, true);
  }

  /** Sends the state; false when NATS has not been reached yet. */
  boolean publish(QuotaStateChanged state) {
    Connection conn = connection.get();
    if (conn == null) {
      log.warn("NATS not connected yet: quota state {} of tenant {} not announced", state.state(), state.tenantId());
      return false;
    }
    Envelope<QuotaStateChanged> envelope = Envelope.of(state, state.tenantId(), null, SOURCE, clock.instant());
    conn.publish(Subjects.BILLING_QUOTAS, EventCodec.toBytes(envelope));
    return true;
  }

  @Override
  public void destroy() throws InterruptedException {
    Connection conn = connection.get();
    if (conn != null) {
      conn.close();
    }
  }
}
