package dev.flowgate.gateway.proxy;

import dev.flowgate.gateway.problems.Problem;
import dev.flowgate.gateway.problems.ProblemType;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.util.concurrent.TimeoutException;

/** One status per upstream failure: any timeout is 504, everything else 502. */
final class UpstreamFailures {

  private UpstreamFailures() {}

  static Problem problemFor(Throwable failure) {
    if (isTimeout(failure)) {
      return Problem.of(ProblemType.UPSTREAM_TIMEOUT, "The upstream did not answer in time.");
    }
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t instanceof ConnectException) {
        return Problem.of(ProblemType.UPSTREAM_UNAVAILABLE, "The upstream refused the connection.");
      }
      if (t instanceof UnknownHostException) {
        return Problem.of(ProblemType.UPSTREAM_UNAVAILABLE, "The upstream's host name does not resolve.");
      }
    }
    return Problem.of(
        ProblemType.UPSTREAM_UNAVAILABLE, "The upstream failed: " + failure.getClass().getSimpleName() + ".");
  }

  /** A connect or read timeout, however Vert.x or Netty reports it. */
  static boolean isTimeout(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t instanceof TimeoutException || t instanceof SocketTimeoutException
          || t.getClass().getSimpleName().equals("ConnectTimeoutException")) {
        return true;
      }
    }
    return false;
  }
}
