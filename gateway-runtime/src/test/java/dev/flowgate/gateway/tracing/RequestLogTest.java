package dev.flowgate.gateway.tracing;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.flowgate.gateway.pipeline.Exchange;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.TraceFlags;
import io.opentelemetry.api.trace.TraceState;
import io.vertx.core.MultiMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

class RequestLogTest {

  private static final String TRACE = "4bf92f3577b34da6a3ce929d0e0e4736";
  private static final String SPAN = "00f067aa0ba902b7";

  private final Logger errors = (Logger) LoggerFactory.getLogger("dev.flowgate.gateway.errors");
  private final Logger access = (Logger) LoggerFactory.getLogger("dev.flowgate.gateway.access");
  private final ListAppender<ILoggingEvent> logged = new ListAppender<>();

  @BeforeEach
  void capture() {
    logged.start();
    errors.addAppender(logged);
    access.addAppender(logged);
    access.setLevel(Level.INFO);
    MDC.clear();
  }

  @AfterEach
  void release() {
    errors.detachAppender(logged);
    access.detachAppender(logged);
    access.setLevel(null);
  }

  private static Exchange exchange(String requestId, boolean traced) {
    Exchange exchange = new Exchange(requestId, "GET", "acme.gw.test", "/orders", null,
        MultiMap.caseInsensitiveMultiMap(), "127.0.0.1", System.nanoTime(), null);
    if (traced) {
      exchange.span(Span.wrap(SpanContext.create(TRACE, SPAN, TraceFlags.getSampled(), TraceState.getDefault())));
    }
    return exchange;
  }

  @Test
  void a_problem_line_carries_the_calls_ids_in_the_mdc_and_leaves_the_thread_clean() {
    RequestLog.problem(exchange("req-1", true), 502, "upstream-unavailable", "The upstream refused the connection.");

    ILoggingEvent event = logged.list.getFirst();
    assertThat(event.getLevel()).isEqualTo(Level.WARN);
    assertThat(event.getFormattedMessage()).startsWith("Request req-1 GET /orders answered 502 upstream-unavailable");
    assertThat(event.getMDCPropertyMap()).containsEntry("requestId", "req-1").containsEntry("traceId", TRACE)
        .containsEntry("spanId", SPAN);
    assertThat(MDC.getCopyOfContextMap()).isNullOrEmpty();
  }

  @Test
  void an_untraced_call_logs_its_request_id_without_a_trace_id() {
    RequestLog.failed(exchange("req-2", false), new IllegalStateException("boom"));

    ILoggingEvent event = logged.list.getFirst();
    assertThat(event.getLevel()).isEqualTo(Level.ERROR);
    assertThat(event.getMDCPropertyMap()).containsEntry("requestId", "req-2").doesNotContainKey("traceId");
    assertThat(MDC.getCopyOfContextMap()).isNullOrEmpty();
  }

  @Test
  void consecutive_calls_on_one_thread_never_share_ids() {
    RequestLog.completed(exchange("req-3", true), 200);
    RequestLog.completed(exchange("req-4", false), 404);

    assertThat(logged.list).extracting(e -> e.getMDCPropertyMap().get("requestId")).containsExactly("req-3", "req-4");
    assertThat(logged.list.get(1).getMDCPropertyMap()).doesNotContainKey("traceId");
    assertThat(logged.list.get(1).getFormattedMessage()).startsWith("GET /orders 404 ");
  }

  @Test
  void the_access_line_costs_nothing_while_its_logger_is_off() {
    access.setLevel(Level.OFF);

    RequestLog.completed(exchange("req-5", true), 200);

    assertThat(logged.list).isEmpty();
  }
}
