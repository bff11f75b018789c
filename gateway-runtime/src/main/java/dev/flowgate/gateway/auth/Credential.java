package dev.flowgate.gateway.auth;

import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * The Flowgate credential a caller presented.
 *
 * @param fromAuthorization whether it came in {@code Authorization: Bearer}, which then must not
 *     be forwarded upstream ({@code X-API-Key} never is)
 */
public record Credential(String value, boolean fromAuthorization) {

  private static final String BEARER = "bearer ";

  /** {@code X-API-Key} wins over {@code Authorization: Bearer}; null when neither is present. */
  public static @Nullable Credential from(@Nullable String apiKeyHeader, @Nullable String authorization) {
    if (apiKeyHeader != null && !apiKeyHeader.isBlank()) {
      return new Credential(apiKeyHeader.strip(), false);
    }
    if (authorization != null
        && authorization.length() > BEARER.length()
        && authorization.substring(0, BEARER.length()).toLowerCase(Locale.ROOT).equals(BEARER)) {
      return new Credential(authorization.substring(BEARER.length()).strip(), true);
    }
    return null;
  }
}
