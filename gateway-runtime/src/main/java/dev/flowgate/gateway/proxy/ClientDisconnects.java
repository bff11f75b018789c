package dev.flowgate.gateway.proxy;

import dev.flowgate.gateway.pipeline.Exchange;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.http.HttpClientResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Callers that leave before their answer is complete. For a proxy that is an everyday event,
 * not a fault: counted ({@code flowgate_gateway_client_disconnects_total}) and logged at debug.
 */
final class ClientDisconnects {

  private static final Logger log = LoggerFactory.getLogger(ClientDisconnects.class);

  private final Counter disconnects;

  ClientDisconnects(MeterRegistry registry) {
    this.disconnects = Counter.builder("flowgate.gateway.client.disconnects")
        .description("Calls whose caller closed the connection or stream before the answer was complete")
        .register(registry);
  }

  void left(Exchange exchange) {
    disconnects.increment();
    log.debug("Caller left call {} ({} {}) before its answer was complete",
        exchange.requestId(), exchange.method(), exchange.path());
  }

  /**
   * Lets go of an upstream answer nobody will read. Vert.x logs a reset of a response that has no
   * handler yet at ERROR ("Stream reset: 0"), so a quiet one is set first.
   */
  static void discard(HttpClientResponse upstream) {
    upstream.exceptionHandler(ignored -> {});
    upstream.request().reset();
  }
}
