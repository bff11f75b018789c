package dev.flowgate.worker.tracing;

import io.nats.client.Message;
import io.nats.client.impl.Headers;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapGetter;
import java.net.http.HttpRequest;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * W3C trace context where no instrumentation carries it: in from the headers of a NATS message
 * (the gateway's {@code traceparent} on a trigger), out on a request of the JDK's HttpClient.
 */
public final class TraceContexts {

  private static final W3CTraceContextPropagator W3C = W3CTraceContextPropagator.getInstance();

  private static final TextMapGetter<Headers> HEADERS = new TextMapGetter<>() {
    @Override
    public Iterable<String> keys(Headers headers) {
      return headers.keySet();
    }

    @Override
    public @Nullable String get(@Nullable Headers headers, String name) {
      if (headers == null) {
        return null;
      }
      List<String> values = headers.get(name);
      return values == null || values.isEmpty() ? null : values.getFirst();
    }
  };

  private TraceContexts() {}

  /** The context the publisher sent along, or the root context when the message has none. */
  public static Context extract(Message message) {
    return message.hasHeaders() ? W3C.extract(Context.root(), message.getHeaders(), HEADERS) : Context.root();
  }

  /** Adds the current span's {@code traceparent} to an outgoing request. */
  public static HttpRequest.Builder inject(HttpRequest.Builder request) {
    W3C.inject(Context.current(), request, HttpRequest.Builder::header);
    return request;
  }
}
