package dev.flowgate.worker.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.flowgate.worker.steps.WebhookSigner;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The signature on outgoing webhooks, checked the way a receiver following the documented scheme
 * would ({@code Flowgate-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256(tenant secret, "t.body")>}
 * over the bytes on the wire). An input: 8 bytes of timestamp, then the signing secret, a newline,
 * the tenant id, a newline, the body. Properties: with a configured (non-blank) signing secret
 * signing never throws; the header always parses; the receiver accepts the body as sent and
 * refuses it with any one byte changed, with another timestamp, or under another tenant's secret.
 */
class WebhookSignatureFuzzTest {

  private static final Pattern HEADER = Pattern.compile("t=(-?\\d+),v1=([0-9a-f]{64})");

  @FuzzTest(maxDuration = "10s")
  void a_receiver_accepts_exactly_the_body_that_was_signed(byte[] input) {
    if (input.length < 8) {
      return;
    }
    long timestamp = ByteBuffer.wrap(input, 0, 8).getLong();
    String[] fields = new String(input, 8, input.length - 8, StandardCharsets.UTF_8).split("\n", 3);
    if (fields.length < 3 || fields[0].isBlank()) {
      return; // the worker refuses to send webhooks without a signing secret
    }
    String signingSecret = fields[0];
    String tenant = fields[1];
    String body = fields[2];

    String tenantSecret = WebhookSigner.tenantSecret(signingSecret, tenant);
    String header = WebhookSigner.signature(tenantSecret, timestamp, body);
    byte[] sent = body.getBytes(StandardCharsets.UTF_8);

    Matcher parsed = HEADER.matcher(header);
    assertThat(parsed.matches()).as(header).isTrue();
    assertThat(Long.parseLong(parsed.group(1))).isEqualTo(timestamp);
    assertThat(verifies(tenantSecret, header, sent)).isTrue();
    assertThat(verifies(tenantSecret, "t=" + (timestamp + 1) + ",v1=" + parsed.group(2), sent)).isFalse();
    assertThat(verifies(WebhookSigner.tenantSecret(signingSecret, tenant + "x"), header, sent)).isFalse();
    if (sent.length > 0) {
      byte[] tampered = sent.clone();
      int at = Math.floorMod(timestamp, tampered.length);
      tampered[at] ^= 0x01;
      assertThat(verifies(tenantSecret, header, tampered)).isFalse();
    }
  }

  /** The receiver's side, written from the documentation only. */
  private static boolean verifies(String secret, String header, byte[] body) {
    Matcher m = HEADER.matcher(header);
    if (!m.matches()) {
      return false;
    }
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      mac.update((m.group(1) + ".").getBytes(StandardCharsets.UTF_8));
      byte[] expected = mac.doFinal(body);
      return MessageDigest.isEqual(expected, HexFormat.of().parseHex(m.group(2)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }
}
