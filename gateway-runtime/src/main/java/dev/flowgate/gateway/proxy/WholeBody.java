package dev.flowgate.gateway.proxy;

import dev.flowgate.gateway.pipeline.Exchange;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;

/**
 * A small answer of announced length is read whole and written in one go: the pipe's
 * back-pressure buys nothing for a body that fits in a socket buffer, and costs a flush per chunk
 * plus its bookkeeping on every call. Longer bodies, and bodies of unknown length, stay streamed.
 */
final class WholeBody {

  private WholeBody() {}

  /** True when the answer is being relayed whole; false leaves it to the caller to stream. */
  static boolean relay(HttpServerRequest request, Exchange exchange, HttpClientResponse upstream, long upTo) {
    long length = contentLength(upstream.getHeader("Content-Length"));
    if (length < 0 || length > upTo) {
      return false;
    }
    HttpServerResponse response = request.response();
    upstream.body().onComplete(body -> {
      if (response.closed()) {
        return;
      }
      if (body.succeeded()) {
        response.end(body.result());
      } else {
        // the upstream broke off mid-body: closing keeps a cut body from looking complete
        exchange.markCutOff();
        request.connection().close();
      }
    });
    return true;
  }

  static long contentLength(String header) {
    if (header == null || header.isEmpty() || header.length() > 18) {
      return -1;
    }
    long value = 0;
    for (int i = 0; i < header.length(); i++) {
      char c = header.charAt(i);
      if (c < '0' || c > '9') {
        return -1;
      }
      value = value * 10 + (c - '0');
    }
    return value;
  }
}
