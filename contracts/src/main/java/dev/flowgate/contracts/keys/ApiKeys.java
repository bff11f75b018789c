package dev.flowgate.contracts.keys;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * API keys: {@code fg_live_} or {@code fg_test_} followed by 32 random base62 characters.
 *
 * <p>The portal stores, and the snapshot carries, only {@link #digest}: an HMAC-SHA256 of the
 * whole key under a server-side pepper that portal and gateways share, so a leaked database or
 * snapshot does not reveal usable keys. The first 8 characters after the prefix are the lookup
 * prefix shown in lists.
 */
public final class ApiKeys {

  public static final String LIVE_PREFIX = "fg_live_";
  public static final String TEST_PREFIX = "fg_test_";
  public static final int RANDOM_LENGTH = 32;
  public static final int LOOKUP_PREFIX_LENGTH = 8;

  private static final char[] BASE62 =
      "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz".toCharArray();
  private static final SecureRandom RANDOM = new SecureRandom();

  private ApiKeys() {}

  /** A new key; {@code live} chooses between the live and test prefixes. */
  public static String generate(boolean live) {
    StringBuilder key = new StringBuilder(LIVE_PREFIX.length() + RANDOM_LENGTH);
    key.append(live ? LIVE_PREFIX : TEST_PREFIX);
    for (int i = 0; i < RANDOM_LENGTH; i++) {
      key.append(BASE62[RANDOM.nextInt(BASE62.length)]);
    }
    return key.toString();
  }

  /** Whether the text has the shape of a Flowgate key (prefix, length, alphabet). */
  public static boolean looksLikeKey(String candidate) {
    if (candidate.length() != LIVE_PREFIX.length() + RANDOM_LENGTH) {
      return false;
    }
    if (!candidate.startsWith(LIVE_PREFIX) && !candidate.startsWith(TEST_PREFIX)) {
      return false;
    }
    for (int i = LIVE_PREFIX.length(); i < candidate.length(); i++) {
      char c = candidate.charAt(i);
      boolean base62 = (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
      if (!base62) {
        return false;
      }
    }
    return true;
  }

  /** The 8 characters after the prefix, shown in lists to tell keys apart. */
  public static Optional<String> lookupPrefix(String key) {
    if (!looksLikeKey(key)) {
      return Optional.empty();
    }
    int start = LIVE_PREFIX.length();
    return Optional.of(key.substring(start, start + LOOKUP_PREFIX_LENGTH));
  }

  /** Lower-case hex HMAC-SHA256 of the whole key under the pepper. */
  public static String digest(byte[] pepper, String key) {
    return HexFormat.of().formatHex(PeppedMac.forThread(pepper).doFinal(key.getBytes(StandardCharsets.UTF_8)));
  }

  /**
   * One initialised {@code Mac} per thread and pepper: looking the algorithm up and keying it
   * cost more than the HMAC itself, and the gateway digests a key on every call.
   */
  private record PeppedMac(byte[] pepper, Mac mac) {

    private static final ThreadLocal<PeppedMac> CURRENT = new ThreadLocal<>();

    static Mac forThread(byte[] pepper) {
      PeppedMac cached = CURRENT.get();
      if (cached == null || !Arrays.equals(cached.pepper, pepper)) {
        cached = new PeppedMac(pepper.clone(), keyed(pepper));
        CURRENT.set(cached);
      }
      return cached.mac;
    }

    private static Mac keyed(byte[] pepper) {
      try {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(pepper, "HmacSHA256"));
        return mac;
      } catch (NoSuchAlgorithmException | InvalidKeyException e) {
        throw new IllegalStateException("HmacSHA256 unavailable", e);
      }
    }
  }
}
