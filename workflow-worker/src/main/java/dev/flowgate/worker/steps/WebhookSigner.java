package dev.flowgate.worker.steps;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signs outgoing webhooks: {@code Flowgate-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256 of
 * "t.body">}. Each tenant signs with its own secret, derived from the configured signing secret as
 * {@code hex(HMAC-SHA256(signingSecret, "flowgate-webhook:" + tenantId))}, so one tenant's secret
 * says nothing about another's.
 */
public final class WebhookSigner {

  public static final String HEADER = "Flowgate-Signature";

  private WebhookSigner() {}

  /** The secret webhooks of {@code tenantId} are signed with. */
  public static String tenantSecret(String signingSecret, String tenantId) {
    return hmacHex(signingSecret.getBytes(StandardCharsets.UTF_8), "flowgate-webhook:" + tenantId);
  }

  /** The {@value #HEADER} header value for {@code body} sent at {@code unixSeconds}. */
  public static String signature(String secret, long unixSeconds, String body) {
    return "t=" + unixSeconds + ",v1=" + hmacHex(secret.getBytes(StandardCharsets.UTF_8), unixSeconds + "." + body);
  }

  static String hmacHex(byte[] key, String data) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key, "HmacSHA256"));
      return HexFormat.of().formatHex(mac.doFinal(data.getBytes(StandardCharsets.UTF_8)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is not available", e);
    }
  }
}
