package dev.flowgate.gateway.proxy;

import dev.flowgate.gateway.pipeline.Exchange;
import dev.flowgate.gateway.policies.BodyMapping;
import dev.flowgate.gateway.policies.PiiMasker;
import dev.flowgate.gateway.problems.Problem;
import dev.flowgate.gateway.problems.ProblemType;
import dev.flowgate.gateway.proxy.BodyMappingMetrics.Outcome;
import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * A JSON response on a {@code pii_masking} route or one whose {@code response_transform} maps the
 * body: read whole, mapped, masked, then sent with a new length (compression, if any, applies after).
 * Masking fails closed: a body too large to buffer ({@code limits.max-body-bytes}), or compressed by
 * the upstream (the gateway asks for identity), is answered 502 {@code upstream-response-unmaskable}
 * instead of passing unmasked. A mapping alone fails open: a body larger than
 * {@code limits.max-transform-bytes}, compressed, or not valid JSON passes unchanged (counted).
 * Other media types stream through untouched.
 */
final class BufferedJsonResponse {

  private final long maxBodyBytes;
  private final long maxTransformBytes;
  private final BodyMappingMetrics metrics;

  BufferedJsonResponse(long maxBodyBytes, long maxTransformBytes, BodyMappingMetrics metrics) {
    this.maxBodyBytes = maxBodyBytes;
    this.maxTransformBytes = maxTransformBytes;
    this.metrics = metrics;
  }

  /** JSON ({@code application/json} or {@code +json}). */
  static boolean isJson(@Nullable String contentType) {
    String media = contentType == null ? "" : contentType.toLowerCase(Locale.ROOT);
    return media.startsWith("application/json") || media.contains("+json");
  }

  /**
   * Takes over the response when it is to be read whole; false when the caller should stream it
   * on unchanged. At least one of {@code masker} and {@code mapping} is set.
   */
  boolean relay(HttpServerRequest request, Exchange exchange, HttpClientResponse upstream,
      @Nullable PiiMasker masker, @Nullable BodyMapping mapping) {
    if (!isJson(upstream.getHeader("Content-Type"))) {
      if (mapping != null) {
        metrics.response(exchange.requestId(), Outcome.NOT_JSON);
      }
      return false;
    }
    String encoding = upstream.getHeader("Content-Encoding");
    boolean encoded = encoding != null && !encoding.equalsIgnoreCase("identity");
    long limit = masker != null ? maxBodyBytes : maxTransformBytes;
    boolean tooLarge = declaredAbove(upstream.getHeader("Content-Length"), limit);
    if (masker != null && (encoded || tooLarge)) {
      unmaskable(request, exchange, upstream);
      return true;
    }
    if (encoded || tooLarge) {
      metrics.response(exchange.requestId(), encoded ? Outcome.ENCODED : Outcome.TOO_LARGE);
      return false;
    }
    Buffer body = Buffer.buffer();
    upstream.handler(chunk -> {
      if (body.length() + chunk.length() <= limit) {
        body.appendBuffer(chunk);
      } else if (masker != null) {
        upstream.handler(null);
        unmaskable(request, exchange, upstream);
      } else {
        metrics.response(exchange.requestId(), Outcome.TOO_LARGE);
        passOn(request, exchange, upstream, body.appendBuffer(chunk));
      }
    });
    // nothing was sent yet (the body is read whole first), so a broken upstream still gets its 502;
    // a caller that left gets nothing (ProblemResponder writes nothing to a closed response)
    upstream.exceptionHandler(error -> ProblemResponder.respond(request, exchange, UpstreamFailures.problemFor(error)));
    upstream.endHandler(v -> end(request, exchange, body, masker, mapping));
    upstream.resume();
    return true;
  }

  private void end(HttpServerRequest request, Exchange exchange, Buffer body, @Nullable PiiMasker masker,
      @Nullable BodyMapping mapping) {
    HttpServerResponse response = request.response();
    if (response.ended() || response.closed()) {
      return;
    }
    byte[] bytes = body.getBytes();
    boolean changed = false;
    if (mapping != null) {
      byte[] mapped = bytes.length > maxTransformBytes ? null : mapping.apply(bytes);
      Outcome outcome = bytes.length > maxTransformBytes ? Outcome.TOO_LARGE
          : mapped == null ? Outcome.INVALID_JSON : Outcome.MAPPED;
      metrics.response(exchange.requestId(), outcome);
      if (mapped != null) {
        bytes = mapped;
        changed = true;
      }
    }
    if (masker != null) {
      bytes = masker.maskJson(bytes);
      changed = true;
    }
    MultiMap headers = response.headers();
    headers.remove("Content-Length"); // end() sets the length of what is sent
    if (changed) {
      headers.remove("ETag");
      headers.remove("Content-MD5");
      headers.remove("Digest");
    }
    response.end(Buffer.buffer(bytes));
  }

  /** A mapped body that outgrew the limit while it was read: what was read, then the rest streamed. */
  private static void passOn(HttpServerRequest request, Exchange exchange, HttpClientResponse upstream, Buffer read) {
    HttpServerResponse response = request.response();
    if (response.closed()) {
      ClientDisconnects.discard(upstream);
      return;
    }
    if (!response.headers().contains("Content-Length")) {
      response.setChunked(true);
    }
    response.write(read);
    upstream.pipe().endOnFailure(false).to(response).onFailure(error -> {
      ClientDisconnects.discard(upstream);
      // as UpstreamForwarder.relay: a cut body must not look complete
      if (!response.closed()) {
        exchange.markCutOff();
        request.connection().close();
      }
    });
  }

  private static boolean declaredAbove(@Nullable String length, long maxBytes) {
    try {
      return length != null && Long.parseLong(length.strip()) > maxBytes;
    } catch (NumberFormatException e) {
      return true;
    }
  }

  private static void unmaskable(HttpServerRequest request, Exchange exchange, HttpClientResponse upstream) {
    ClientDisconnects.discard(upstream);
    ProblemResponder.respond(request, exchange, Problem.of(ProblemType.UPSTREAM_RESPONSE_UNMASKABLE,
        "The upstream's answer cannot be masked for personal data (compressed or too large), so it is withheld."));
  }
}
