package dev.flowgate.e2e;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** Delivers Stripe webhook events to billing the way Stripe does: signed with the endpoint secret. */
final class StripeWebhooks {

  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final String billingUrl;
  private final String secret;

  StripeWebhooks(String billingUrl, String secret) {
    this.billingUrl = billingUrl;
    this.secret = secret;
  }

  /** An {@code invoice.paid} event for a Stripe invoice, paid at {@code paidAt}. */
  static String invoicePaid(String eventId, String stripeInvoiceId, Instant paidAt) {
    return """
        {"id": "%s", "object": "event", "type": "invoice.paid", "api_version": "2024-06-20", "created": %d,
         "livemode": false, "pending_webhooks": 1,
         "data": {"object": {"id": "%s", "object": "invoice", "status": "paid",
                             "status_transitions": {"paid_at": %d}}}}
        """.formatted(eventId, paidAt.getEpochSecond(), stripeInvoiceId, paidAt.getEpochSecond());
  }

  HttpResponse<String> deliver(String payload) {
    return deliver(payload, signature(payload, secret));
  }

  /** The same payload signed with another secret: what a forger without the endpoint secret sends. */
  HttpResponse<String> deliverForged(String payload) {
    return deliver(payload, signature(payload, "whsec_not_the_endpoint_secret"));
  }

  private HttpResponse<String> deliver(String payload, String signature) {
    HttpRequest request = HttpRequest.newBuilder(URI.create(billingUrl + "/webhooks/stripe"))
        .timeout(Duration.ofSeconds(10))
        .header("Content-Type", "application/json")
        .header("Stripe-Signature", signature)
        .POST(HttpRequest.BodyPublishers.ofString(payload))
        .build();
    try {
      return http.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new IllegalStateException("billing unreachable at " + billingUrl, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static String signature(String payload, String secret) {
    long timestamp = Instant.now().getEpochSecond();
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      byte[] digest = mac.doFinal((timestamp + "." + payload).getBytes(StandardCharsets.UTF_8));
      return "t=" + timestamp + ",v1=" + HexFormat.of().formatHex(digest);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }
}
