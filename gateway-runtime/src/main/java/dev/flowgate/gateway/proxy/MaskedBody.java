package dev.flowgate.gateway.proxy;

import dev.flowgate.gateway.pipeline.Exchange;
import dev.flowgate.gateway.policies.PiiMasker;
import dev.flowgate.gateway.problems.Problem;
import dev.flowgate.gateway.problems.ProblemType;
import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import java.util.Locale;

/**
 * A JSON response on a {@code pii_masking} route: read whole (bounded by the body limit), masked,
 * then sent. Masking fails closed: a body too large to buffer, or compressed by the upstream
 * (the gateway asks for identity), is answered 502 {@code upstream-response-unmaskable} instead
 * of passing unmasked. Other media types stream through untouched.
 */
final class MaskedBody {

  private MaskedBody() {}

  /** JSON ({@code application/json} or {@code +json}). */
  static boolean applies(MultiMap upstream) {
    String type = upstream.get("Content-Type");
    String media = type == null ? "" : type.toLowerCase(Locale.ROOT);
    return media.startsWith("application/json") || media.contains("+json");
  }

  static void relay(
      HttpServerRequest request, Exchange exchange, HttpClientResponse upstream, PiiMasker masker, long maxBytes) {
    String encoding = upstream.getHeader("Content-Encoding");
    String length = upstream.getHeader("Content-Length");
    if ((encoding != null && !encoding.equalsIgnoreCase("identity")) || declaredAbove(length, maxBytes)) {
      unmaskable(request, exchange, upstream);
      return;
    }
    Buffer body = Buffer.buffer();
    upstream.handler(chunk -> {
      if (body.length() + chunk.length() > maxBytes) {
        upstream.handler(null);
        unmaskable(request, exchange, upstream);
      } else {
        body.appendBuffer(chunk);
      }
    });
    // nothing was sent yet (the body is read whole first), so a broken upstream still gets its 502;
    // a caller that left gets nothing (ProblemResponder writes nothing to a closed response)
    upstream.exceptionHandler(error -> ProblemResponder.respond(request, exchange, UpstreamFailures.problemFor(error)));
    upstream.endHandler(v -> {
      HttpServerResponse response = request.response();
      if (response.ended() || response.closed()) {
        return;
      }
      Buffer masked = Buffer.buffer(masker.maskJson(body.getBytes()));
      MultiMap headers = response.headers();
      headers.remove("Content-Length");
      headers.remove("ETag");
      headers.remove("Content-MD5");
      headers.remove("Digest");
      response.end(masked);
    });
    upstream.resume();
  }

  private static boolean declaredAbove(String length, long maxBytes) {
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
