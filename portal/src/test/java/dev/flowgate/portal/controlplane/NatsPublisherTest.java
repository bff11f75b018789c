package dev.flowgate.portal.controlplane;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import dev.flowgate.portal.base.config.PortalProperties;
import io.nats.client.Connection;
import io.nats.client.JetStreamManagement;
import io.nats.client.Nats;
import io.nats.client.Options;
import io.nats.client.api.StorageType;
import io.nats.client.api.StreamConfiguration;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NatsPublisherTest {

  @Test
  void publishing_while_nats_is_unreachable_neither_fails_nor_blocks() throws Exception {
    NatsPublisher publisher = new NatsPublisher(properties(freePort()));
    publisher.afterPropertiesSet();

    long start = System.nanoTime();
    assertThatCode(() -> publisher.publish("config.invalidations", new byte[] {1})).doesNotThrowAnyException();
    assertThat(System.nanoTime() - start).isLessThan(1_000_000_000L);
    assertThat(publisher.unsent()).isEqualTo(1);
    publisher.close();
  }

  /**
   * A server of the test's own on a free port, with a stream that records the subject: it exists
   * before the publisher first connects, so whatever it sends is kept, whenever it arrives.
   */
  @Test
  void what_is_published_while_nats_is_away_is_sent_in_order_once_it_is_back(@TempDir Path store) throws Exception {
    int port = freePort();
    Process server = startNats(port, store);
    try (Connection admin = connect(port)) {
      admin.jetStreamManagement().addStream(StreamConfiguration.builder()
          .name("INVALIDATIONS").subjects("config.invalidations").storageType(StorageType.File).build());
    } finally {
      stop(server);
    }
    NatsPublisher publisher = new NatsPublisher(properties(port));
    publisher.afterPropertiesSet();
    publisher.publish("config.invalidations", "first".getBytes(StandardCharsets.UTF_8));
    publisher.publish("config.invalidations", "second".getBytes(StandardCharsets.UTF_8));
    assertThat(publisher.unsent()).as("kept while NATS is away").isEqualTo(2);

    server = startNats(port, store);
    try (Connection reader = connect(port)) {
      JetStreamManagement streams = reader.jetStreamManagement();
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
      while (streams.getStreamInfo("INVALIDATIONS").getStreamState().getMsgCount() < 2 && System.nanoTime() < deadline) {
        Thread.sleep(50);
      }
      assertThat(streams.getStreamInfo("INVALIDATIONS").getStreamState().getMsgCount()).isEqualTo(2);
      assertThat(new String(streams.getMessage("INVALIDATIONS", 1).getData(), StandardCharsets.UTF_8)).isEqualTo("first");
      assertThat(new String(streams.getMessage("INVALIDATIONS", 2).getData(), StandardCharsets.UTF_8)).isEqualTo("second");
      assertThat(publisher.unsent()).isZero();
    } finally {
      publisher.close();
      stop(server);
    }
  }

  private static PortalProperties properties(int natsPort) {
    return new PortalProperties("t", "p", URI.create("http://127.0.0.1:1"), "http://127.0.0.1:8000",
        "http://127.0.0.1:9100", List.of(), "nats://127.0.0.1:" + natsPort,
        URI.create("http://127.0.0.1:1"), "http://127.0.0.1:8080", "");
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  /** The nats-server the local stack runs (deploy/local installs it), on a port and store of the test's own. */
  private static Process startNats(int port, Path store) throws IOException {
    return new ProcessBuilder("nats-server", "-a", "127.0.0.1", "-p", Integer.toString(port), "-js",
        "-sd", store.toString())
        .redirectErrorStream(true)
        .redirectOutput(store.resolveSibling(store.getFileName() + ".log").toFile())
        .start();
  }

  private static Connection connect(int port) throws Exception {
    Options options = Options.builder().server("nats://127.0.0.1:" + port).connectionTimeout(Duration.ofSeconds(2))
        .maxReconnects(-1).reconnectWait(Duration.ofMillis(50)).build();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (true) {
      try {
        return Nats.connect(options);
      } catch (IOException e) {
        if (System.nanoTime() > deadline) {
          throw e;
        }
        Thread.sleep(50);
      }
    }
  }

  private static void stop(Process server) throws InterruptedException {
    server.destroy();
    if (!server.waitFor(10, TimeUnit.SECONDS)) {
      server.destroyForcibly().waitFor();
    }
  }
}
