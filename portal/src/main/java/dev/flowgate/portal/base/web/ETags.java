package dev.flowgate.portal.base.web;

import dev.flowgate.contracts.EventCodec;
import dev.flowgate.portal.base.problems.PreconditionFailedException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.jspecify.annotations.Nullable;

/**
 * Strong entity tags of a resource's public view (a digest of its JSON), and the {@code If-Match}
 * check of conditional updates.
 */
public final class ETags {

  private ETags() {}

  public static String of(Object view) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(EventCodec.toJson(view).getBytes(StandardCharsets.UTF_8));
      return "\"" + HexFormat.of().formatHex(digest, 0, 16) + "\"";
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 unavailable", e);
    }
  }

  /**
   * Passes when there is no {@code If-Match}, when it is {@code *}, or when one of its tags is the
   * current one.
   *
   * @throws PreconditionFailedException otherwise: 412
   */
  public static void requireMatch(@Nullable String ifMatch, Object currentView) {
    if (ifMatch == null || ifMatch.isBlank()) {
      return;
    }
    String current = of(currentView);
    for (String candidate : ifMatch.split(",")) {
      String tag = candidate.strip();
      if (tag.equals("*") || tag.equals(current)) {
        return;
      }
    }
    throw new PreconditionFailedException(
        "The resource changed since you read it (If-Match " + ifMatch.strip() + ", current " + current + "); read it again and retry");
  }
}
