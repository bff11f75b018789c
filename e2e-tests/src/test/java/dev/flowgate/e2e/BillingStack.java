package dev.flowgate.e2e;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Billing's internal API (bearer {@code FLOWGATE_INTERNAL_TOKEN}) and the local Stripe stub, as an
 * operator and a paying customer reach them: the invoice run is started by hand, and the customer
 * pays an invoice at "Stripe", which then sends billing its signed {@code invoice.paid} webhook.
 */
final class BillingStack {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final String billingUrl = System.getProperty("flowgate.billing.url", "http://127.0.0.1:8083");
  private final String stripeUrl = System.getProperty("flowgate.stripe.url", "http://127.0.0.1:12111");

  /** {@code POST /internal/v1/admin/invoices/finalize}: the month's invoice run for one tenant. */
  JsonNode finalizeMonth(String period, String tenantId) {
    HttpRequest request = HttpRequest.newBuilder(URI.create(billingUrl + "/internal/v1/admin/invoices/finalize"))
        .timeout(Duration.ofSeconds(30))
        .header("Authorization", "Bearer " + Env.required("FLOWGATE_INTERNAL_TOKEN"))
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(Map.of("period", period, "tenantId", tenantId))))
        .build();
    return JSON.readTree(send(request, 200));
  }

  /** The customer pays the invoice at the Stripe stub ({@code POST /v1/invoices/{id}/pay}). */
  JsonNode payAtStripe(String stripeInvoiceId) {
    HttpRequest request = HttpRequest.newBuilder(URI.create(stripeUrl + "/v1/invoices/" + stripeInvoiceId + "/pay"))
        .timeout(Duration.ofSeconds(10))
        .header("Authorization", "Bearer sk_test_flowgate_journey")
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.noBody())
        .build();
    return JSON.readTree(send(request, 200));
  }

  private String send(HttpRequest request, int expected) {
    try {
      HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() != expected) {
        throw new IllegalStateException(request.method() + " " + request.uri() + " answered " + response.statusCode()
            + ": " + response.body());
      }
      return response.body();
    } catch (IOException e) {
      throw new IllegalStateException(request.uri() + " unreachable", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
