package dev.flowgate.billing.alerts;

import dev.flowgate.billing.BillingProperties;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A tenant's billing contacts (its owners and billing members who can sign in), from the portal's
 * {@code GET /internal/v1/tenants/{tenantId}/billing-contacts}. The portal owns the users, so
 * billing asks each time an alert goes out rather than keeping a copy that goes stale.
 */
@Component
class BillingContacts {

  /** The portal could not answer (down, slow, 5xx): worth asking again. */
  static final class UnavailableException extends Exception {
    UnavailableException(String message) {
      super(message);
    }
  }

  private final PortalProperties portal;
  private final String internalToken;
  private final JsonMapper json;
  private final HttpClient http;

  BillingContacts(PortalProperties portal, BillingProperties billing, JsonMapper json) {
    this.portal = portal;
    this.internalToken = billing.internalToken();
    this.json = json;
    this.http = HttpClient.newBuilder().connectTimeout(portal.timeout()).build();
  }

  /** The addresses; an unknown tenant (404, e.g. deleted) has none. */
  List<String> emails(UUID tenantId) throws UnavailableException {
    HttpRequest request = HttpRequest.newBuilder(
            URI.create(portal.url() + "/internal/v1/tenants/" + tenantId + "/billing-contacts"))
        .timeout(portal.timeout())
        .header("Authorization", "Bearer " + internalToken)
        .header("Accept", "application/json")
        .GET()
        .build();
    HttpResponse<String> response;
    try {
      response = http.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UnavailableException(e.getClass().getSimpleName() + ": " + e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new UnavailableException("interrupted");
    }
    if (response.statusCode() == 404) {
      return List.of();
    }
    if (response.statusCode() != 200) {
      throw new UnavailableException("portal answered HTTP " + response.statusCode());
    }
    try {
      JsonNode emails = json.readTree(response.body()).path("emails");
      return emails.valueStream().map(JsonNode::asString).filter(email -> !email.isBlank()).toList();
    } catch (RuntimeException e) {
      throw new UnavailableException("unreadable answer from the portal: " + e.getMessage());
    }
  }
}
