package dev.flowgate.portal.controlplane;

import static org.assertj.core.api.Assertions.assertThatCode;

import dev.flowgate.portal.base.config.PortalProperties;
import java.net.ServerSocket;
import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.Test;

class NatsPublisherTest {

  @Test
  void publishing_while_nats_is_unreachable_neither_fails_nor_blocks() throws Exception {
    int freePort;
    try (ServerSocket socket = new ServerSocket(0)) {
      freePort = socket.getLocalPort();
    }
    PortalProperties properties = new PortalProperties("t", "p", URI.create("http://127.0.0.1:1"), "http://127.0.0.1:8000",
        "http://127.0.0.1:9100", List.of(), "nats://127.0.0.1:" + freePort,
        URI.create("http://127.0.0.1:1"), "http://127.0.0.1:8080", "");
    NatsPublisher publisher = new NatsPublisher(properties);
    publisher.afterPropertiesSet();

    long start = System.nanoTime();
    assertThatCode(() -> publisher.publish("config.invalidations", new byte[] {1})).doesNotThrowAnyException();
    org.assertj.core.api.Assertions.assertThat(System.nanoTime() - start).isLessThan(1_000_000_000L);
    publisher.close();
  }
}
