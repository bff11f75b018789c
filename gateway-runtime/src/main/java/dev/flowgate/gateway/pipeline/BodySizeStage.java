package dev.flowgate.gateway.pipeline;

import dev.flowgate.gateway.problems.Problem;
import dev.flowgate.gateway.problems.ProblemType;
import org.jspecify.annotations.Nullable;

/**
 * A declared {@code Content-Length} above the limit is refused before anything else is done; a
 * chunked body is counted while it streams upstream (see the forwarder).
 */
final class BodySizeStage implements RequestStage {

  private final long maxBodyBytes;

  BodySizeStage(long maxBodyBytes) {
    this.maxBodyBytes = maxBodyBytes;
  }

  @Override
  public @Nullable Problem apply(Exchange exchange) {
    String length = exchange.headers().get("Content-Length");
    if (length == null) {
      return null;
    }
    long declared;
    try {
      declared = Long.parseLong(length.strip());
    } catch (NumberFormatException e) {
      return Problem.of(ProblemType.MALFORMED_REQUEST, "Content-Length must be a number.");
    }
    if (declared > maxBodyBytes) {
      return tooLarge(maxBodyBytes);
    }
    return null;
  }

  public static Problem tooLarge(long maxBodyBytes) {
    return Problem.of(ProblemType.PAYLOAD_TOO_LARGE,
        "The request body is larger than the " + maxBodyBytes + " bytes this gateway accepts.");
  }
}
