package dev.flowgate.gateway.tracing;

import dev.flowgate.gateway.pipeline.Exchange;
import io.opentelemetry.api.trace.SpanContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * The gateway's per-call log lines, with the call's {@code requestId}, {@code traceId} and
 * {@code spanId} in the MDC (the log pattern prints the first two; ECS JSON carries all three).
 * An event loop serves many calls in turns and a call hops between callbacks, so a thread-bound
 * MDC cannot follow a call: the ids are put in just around each line and removed right after, on
 * the thread that logs. Nothing is done for a call that logs nothing. Error lines name the
 * request id in their message too, for readers of plain text that drop the MDC.
 */
public final class RequestLog {

  public static final String REQUEST_ID = "requestId";
  public static final String TRACE_ID = "traceId";
  public static final String SPAN_ID = "spanId";

  private static final Logger errors = LoggerFactory.getLogger("dev.flowgate.gateway.errors");
  private static final Logger access = LoggerFactory.getLogger("dev.flowgate.gateway.access");

  private RequestLog() {}

  /** A call answered with a server-side problem (5xx): upstream down or slow, circuit open, gateway failure. */
  public static void problem(Exchange exchange, int status, String type, String detail) {
    if (!errors.isWarnEnabled()) {
      return;
    }
    put(exchange);
    try {
      errors.warn("Request {} {} {} answered {} {}: {}", exchange.requestId(), exchange.method(), exchange.path(),
          status, type, detail);
    } finally {
      clear();
    }
  }

  /** The gateway itself failed while handling a call. */
  public static void failed(Exchange exchange, Throwable failure) {
    put(exchange);
    try {
      errors.error("Request {} failed in the gateway", exchange.requestId(), failure);
    } finally {
      clear();
    }
  }

  /**
   * One access line per completed call when {@code logging.level.dev.flowgate.gateway.access} is
   * INFO (off by default: at proxy rates it would cost more than the call).
   */
  public static void completed(Exchange exchange, int status) {
    if (!access.isInfoEnabled()) {
      return;
    }
    put(exchange);
    try {
      access.info("{} {} {} {}ms", exchange.method(), exchange.path(), status,
          (System.nanoTime() - exchange.startNanos()) / 1_000_000);
    } finally {
      clear();
    }
  }

  private static void put(Exchange exchange) {
    MDC.put(REQUEST_ID, exchange.requestId());
    SpanContext span = exchange.span().getSpanContext();
    if (span.isValid()) {
      MDC.put(TRACE_ID, span.getTraceId());
      MDC.put(SPAN_ID, span.getSpanId());
    }
  }

  private static void clear() {
    MDC.remove(REQUEST_ID);
    MDC.remove(TRACE_ID);
    MDC.remove(SPAN_ID);
  }
}
