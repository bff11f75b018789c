package dev.flowgate.gateway.proxy;

import dev.flowgate.gateway.config.GatewayProperties;
import dev.flowgate.gateway.pipeline.Exchange;
import dev.flowgate.gateway.policies.BodyMapping;
import dev.flowgate.gateway.proxy.BodyMappingMetrics.Outcome;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpVersion;
import org.jspecify.annotations.Nullable;

/**
 * A {@code request_transform}'s {@code body} mapping at call time, only on routes that have one: a
 * JSON request body ({@code application/json}, {@code +json}, not content-encoded) no larger than
 * {@code limits.max-transform-bytes} is read whole ({@link RequestBody}, so the schema check and the
 * workflow trigger see the same buffer), mapped and forwarded with its new {@code Content-Length}.
 * A body that says it is larger, or is not JSON, streams on unread; one that turns out larger or
 * invalid is forwarded as read. The mapping is CPU only, bounded by the limit, so it runs on the
 * event loop.
 */
final class RequestBodyMapping {

  private final long maxBodyBytes;
  private final long maxTransformBytes;
  private final BodyMappingMetrics metrics;

  RequestBodyMapping(GatewayProperties.Limits limits, BodyMappingMetrics metrics) {
    this.maxBodyBytes = limits.maxBodyBytes();
    this.maxTransformBytes = limits.maxTransformBytes();
    this.metrics = metrics;
  }

  /** Maps the body when it should be, then runs {@code next} (never when the body was refused, 413). */
  void map(HttpServerRequest request, Exchange exchange, BodyMapping mapping, Runnable next) {
    if (!declaresBody(request)) {
      next.run();
      return;
    }
    String encoding = request.getHeader("Content-Encoding");
    Outcome skipped = !BufferedJsonResponse.isJson(request.getHeader("Content-Type")) ? Outcome.NOT_JSON
        : encoding != null && !encoding.equalsIgnoreCase("identity") ? Outcome.ENCODED
        : declaredAbove(request.getHeader("Content-Length")) ? Outcome.TOO_LARGE : null;
    if (skipped != null) {
      metrics.request(exchange.requestId(), skipped);
      next.run();
      return;
    }
    RequestBody.read(request, exchange, maxBodyBytes).onSuccess(body -> {
      byte[] mapped = body.length() > maxTransformBytes ? null : mapping.apply(body.getBytes());
      if (mapped == null) {
        metrics.request(exchange.requestId(),
            body.length() > maxTransformBytes ? Outcome.TOO_LARGE : Outcome.INVALID_JSON);
      } else {
        exchange.body(Buffer.buffer(mapped));
        // the upstream request copies the caller's headers: its length must be the mapped body's
        request.headers().set("Content-Length", String.valueOf(mapped.length));
        metrics.request(exchange.requestId(), Outcome.MAPPED);
      }
      next.run();
    });
  }

  private boolean declaredAbove(@Nullable String length) {
    try {
      return length != null && Long.parseLong(length.strip()) > maxTransformBytes;
    } catch (NumberFormatException e) {
      return true;
    }
  }

  private static boolean declaresBody(HttpServerRequest request) {
    String length = request.getHeader("Content-Length");
    if (length != null) {
      return !length.strip().equals("0");
    }
    return request.getHeader("Transfer-Encoding") != null
        || (request.version() == HttpVersion.HTTP_2 && (request.method() == HttpMethod.POST
            || request.method() == HttpMethod.PUT || request.method() == HttpMethod.PATCH));
  }
}
