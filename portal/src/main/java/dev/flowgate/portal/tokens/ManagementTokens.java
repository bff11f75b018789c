package dev.flowgate.portal.tokens;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;

/** Management token format: {@code fgm_} + 40 base62 characters, stored as SHA-256 hex. */
public final class ManagementTokens {

  public static final String PREFIX = "fgm_";
  static final int RANDOM_LENGTH = 40;
  private static final char[] BASE62 =
      "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz".toCharArray();
  private static final SecureRandom RANDOM = new SecureRandom();

  private ManagementTokens() {}

  public static String generate() {
    StringBuilder token = new StringBuilder(PREFIX);
    for (int i = 0; i < RANDOM_LENGTH; i++) {
      token.append(BASE62[RANDOM.nextInt(BASE62.length)]);
    }
    return token.toString();
  }

  public static boolean looksLikeToken(String candidate) {
    return candidate.length() == PREFIX.length() + RANDOM_LENGTH
        && candidate.startsWith(PREFIX)
        && candidate.substring(PREFIX.length()).chars().allMatch(Character::isLetterOrDigit);
  }

  /** What lists show to tell tokens apart. */
  public static String displayPrefix(String token) {
    return token.substring(0, PREFIX.length() + 8);
  }

  public static String sha256(String token) {
    try {
      byte[] hash = MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(hash);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 unavailable", e);
    }
  }
}
