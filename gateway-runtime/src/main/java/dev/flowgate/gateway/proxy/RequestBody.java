package dev.flowgate.gateway.proxy;

import dev.flowgate.gateway.pipeline.Exchange;
import dev.flowgate.gateway.problems.Problem;
import dev.flowgate.gateway.problems.ProblemType;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerRequest;

/**
 * Reads a request body whole, bounded by the size limit (413 beyond it), for the policies that
 * need all of it (schema validation, workflow triggers). Read once: the body is kept on the
 * exchange and forwarded from there.
 */
final class RequestBody {

  private RequestBody() {}

  static Future<Buffer> read(HttpServerRequest request, Exchange exchange, long maxBodyBytes) {
    Buffer read = exchange.body();
    if (read != null) {
      return Future.succeededFuture(read);
    }
    Promise<Buffer> promise = Promise.promise();
    Buffer body = Buffer.buffer();
    request.handler(chunk -> {
      if (body.length() + chunk.length() > maxBodyBytes) {
        request.handler(null);
        ProblemResponder.respond(request, exchange, Problem.of(ProblemType.PAYLOAD_TOO_LARGE,
            "The request body is larger than the " + maxBodyBytes + " bytes this gateway accepts."));
        promise.tryFail("too large");
      } else {
        body.appendBuffer(chunk);
      }
    });
    request.exceptionHandler(promise::tryFail);
    request.endHandler(v -> {
      exchange.body(body);
      promise.tryComplete(body);
    });
    request.resume();
    return promise.future();
  }
}
