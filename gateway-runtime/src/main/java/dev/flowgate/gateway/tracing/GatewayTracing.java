package dev.flowgate.gateway.tracing;

import dev.flowgate.contracts.config.GatewaySnapshot.Tenant;
import dev.flowgate.gateway.pipeline.Exchange;
import dev.flowgate.gateway.routing.RouteMatch;
import io.nats.client.impl.Headers;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.TraceFlags;
import io.opentelemetry.api.trace.TraceState;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapGetter;
import io.opentelemetry.context.propagation.TextMapPropagator;
import io.opentelemetry.sdk.trace.IdGenerator;
import io.vertx.core.MultiMap;
import org.jspecify.annotations.Nullable;

/**
 * One server span per proxied call, without OpenTelemetry's thread-local context (a call hops
 * between callbacks on its event loop): the span lives on the {@link Exchange}, its parent is
 * the caller's {@code traceparent} when valid, and its context goes out as the upstream's
 * {@code traceparent} and in the headers of the workflow trigger published to NATS.
 */
public final class GatewayTracing {

  static final AttributeKey<String> METHOD = AttributeKey.stringKey("http.request.method");
  static final AttributeKey<String> PATH = AttributeKey.stringKey("url.path");
  static final AttributeKey<Long> STATUS = AttributeKey.longKey("http.response.status_code");
  static final AttributeKey<String> REQUEST_ID = AttributeKey.stringKey("flowgate.request.id");
  static final AttributeKey<String> TENANT = AttributeKey.stringKey("flowgate.tenant.id");
  static final AttributeKey<String> ROUTE_ID = AttributeKey.stringKey("flowgate.route.id");
  static final AttributeKey<String> ROUTE = AttributeKey.stringKey("flowgate.route.name");
  static final AttributeKey<String> SERVICE = AttributeKey.stringKey("flowgate.service.name");

  private static final TextMapPropagator W3C = W3CTraceContextPropagator.getInstance();

  private static final TextMapGetter<MultiMap> REQUEST_HEADERS = new TextMapGetter<>() {
    @Override
    public Iterable<String> keys(MultiMap headers) {
      return headers.names();
    }

    @Override
    public @Nullable String get(@Nullable MultiMap headers, String name) {
      return headers == null ? null : headers.get(name);
    }
  };

  private static final IdGenerator IDS = IdGenerator.random();
  private static final TraceFlags NEW_TRACE = TraceFlags.fromByte((byte) 0x03);

  private final Tracer tracer;
  private final boolean recording;

  public GatewayTracing(Tracer tracer) {
    this(tracer, true);
  }

  /** @param recording false: no span is recorded, trace context still goes on (see {@link #start}) */
  public GatewayTracing(Tracer tracer, boolean recording) {
    this.tracer = tracer;
    this.recording = recording;
  }

  /** Starts the call's span, a child of the caller's trace when it sent a valid {@code traceparent}. */
  public void start(Exchange exchange) {
    Context parent = W3C.extract(Context.root(), exchange.headers(), REQUEST_HEADERS);
    if (!recording) {
      exchange.span(Span.wrap(propagated(Span.fromContext(parent).getSpanContext())));
      return;
    }
    exchange.span(tracer.spanBuilder(exchange.method())
        .setParent(parent)
        .setSpanKind(SpanKind.SERVER)
        .setAttribute(METHOD, exchange.method())
        .setAttribute(PATH, exchange.path())
        .setAttribute(REQUEST_ID, exchange.requestId())
        .startSpan());
  }

  /** The caller's trace (or a new, sampled one) with a span id of the gateway's own, recorded nowhere. */
  private static SpanContext propagated(SpanContext caller) {
    if (caller.isValid()) {
      return SpanContext.create(caller.getTraceId(), IDS.generateSpanId(), caller.getTraceFlags(),
          caller.getTraceState());
    }
    // sampled, with W3C level 2's "random trace id" bit, as the SDK's own new traces are
    return SpanContext.create(IDS.generateTraceId(), IDS.generateSpanId(), NEW_TRACE, TraceState.getDefault());
  }

  /** Ends the call's span with what the pipeline found out: tenant, route and the status answered. */
  public static void end(Exchange exchange, int status) {
    Span span = exchange.span();
    if (!span.isRecording()) {
      span.end();
      return;
    }
    Tenant tenant = exchange.tenant();
    if (tenant != null) {
      span.setAttribute(TENANT, tenant.id().toString());
    }
    RouteMatch match = exchange.match();
    if (match != null) {
      span.updateName(exchange.method() + " " + match.route().name());
      span.setAttribute(ROUTE_ID, match.route().id().toString());
      span.setAttribute(ROUTE, match.route().name());
      span.setAttribute(SERVICE, match.service().name());
    }
    span.setAttribute(STATUS, status);
    if (status >= 500) {
      span.setStatus(StatusCode.ERROR);
    }
    span.end();
  }

  /** Sets {@code traceparent} (and {@code tracestate}) naming the call's span as the upstream's parent. */
  public static void inject(Exchange exchange, MultiMap upstreamHeaders) {
    W3C.inject(Context.root().with(exchange.span()), upstreamHeaders, MultiMap::set);
  }

  /** NATS message headers carrying the call's trace context, so the run it triggers continues the trace. */
  public static Headers natsHeaders(Exchange exchange) {
    Headers headers = new Headers();
    W3C.inject(Context.root().with(exchange.span()), headers, Headers::put);
    return headers;
  }
}
