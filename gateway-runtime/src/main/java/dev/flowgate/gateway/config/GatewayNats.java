package dev.flowgate.gateway.config;

import io.nats.client.Connection;
import io.nats.client.ConnectionListener;
import io.nats.client.ErrorListener;
import io.nats.client.Nats;
import io.nats.client.Options;
import java.time.Duration;
import java.util.concurrent.ExecutorService;

/**
 * How the gateway talks to NATS: connect in the background and keep reconnecting, so a gateway
 * starts and serves while NATS is down (a blocking connect once hung start-up forever).
 */
public final class GatewayNats {

  private GatewayNats() {}

  /** Starts connecting; {@code listener} learns of the connection and every reconnect. */
  public static void connectInBackground(String url, String connectionName, ExecutorService executor,
      ConnectionListener listener) {
    Options options = new Options.Builder()
        .server(url)
        .connectionName(connectionName)
        .connectionTimeout(Duration.ofSeconds(2))
        .maxReconnects(-1)
        .reconnectWait(Duration.ofSeconds(1))
        .executor(executor)
        .connectionListener(listener)
        .errorListener(new ErrorListener() {})
        .build();
    try {
      Nats.connectAsynchronously(options, true);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  public static void closeQuietly(Connection connection) {
    try {
      connection.close();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
