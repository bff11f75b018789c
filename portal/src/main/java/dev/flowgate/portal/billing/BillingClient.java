package dev.flowgate.portal.billing;

import dev.flowgate.portal.base.config.PortalProperties;
import dev.flowgate.portal.base.problems.InvalidInputException;
import dev.flowgate.portal.base.problems.NotFoundException;
import dev.flowgate.portal.base.problems.UnavailableException;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.client.HttpClientErrorException;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;
import tools.jackson.databind.JsonNode;

/**
 * Billing's internal plan and invoice API ({@code /internal/v1/tenants/{tenantId}/...}). Billing's
 * 404 becomes the portal's 404, its 400 a field error, anything else (down, 5xx) a 503.
 */
@Component
public class BillingClient {

  private final RestClient billing;

  BillingClient(RestClient.Builder builder, PortalProperties properties) {
    JdkClientHttpRequestFactory requestFactory = new JdkClientHttpRequestFactory(
        HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build());
    requestFactory.setReadTimeout(Duration.ofSeconds(10));
    this.billing = builder.clone()
        .baseUrl(properties.billingUrl().toString())
        .requestFactory(requestFactory)
        .defaultHeader(HttpHeaders.AUTHORIZATION, "Bearer " + properties.internalToken())
        .build();
  }

  /** The plans a tenant can choose ({@code GET /internal/v1/plans}). */
  JsonNode plans() {
    return call("plans", () -> billing.get().uri("/internal/v1/plans")
        .accept(MediaType.APPLICATION_JSON).retrieve().body(JsonNode.class));
  }

  public JsonNode plan(UUID tenantId) {
    return call("plan", () -> billing.get().uri("/internal/v1/tenants/{t}/plan", tenantId)
        .accept(MediaType.APPLICATION_JSON).retrieve().body(JsonNode.class));
  }

  public JsonNode changePlan(UUID tenantId, String planCode) {
    return call("plan", () -> billing.put().uri("/internal/v1/tenants/{t}/plan", tenantId)
        .contentType(MediaType.APPLICATION_JSON).body(Map.of("planCode", planCode))
        .accept(MediaType.APPLICATION_JSON).retrieve().body(JsonNode.class));
  }

  JsonNode invoices(UUID tenantId, int page, int size) {
    return call("invoices", () -> billing.get()
        .uri(u -> u.path("/internal/v1/tenants/{t}/invoices").queryParam("page", page).queryParam("size", size).build(tenantId))
        .accept(MediaType.APPLICATION_JSON).retrieve().body(JsonNode.class));
  }

  JsonNode invoice(UUID tenantId, String invoiceId) {
    return call("invoice " + invoiceId, () -> billing.get().uri("/internal/v1/tenants/{t}/invoices/{i}", tenantId, invoiceId)
        .accept(MediaType.APPLICATION_JSON).retrieve().body(JsonNode.class));
  }

  JsonNode upcoming(UUID tenantId) {
    return call("upcoming invoice", () -> billing.get().uri("/internal/v1/tenants/{t}/invoices/upcoming", tenantId)
        .accept(MediaType.APPLICATION_JSON).retrieve().body(JsonNode.class));
  }

  private static JsonNode call(String what, Supplier<JsonNode> request) {
    try {
      return request.get();
    } catch (HttpClientErrorException.NotFound e) {
      throw new NotFoundException("billing", what);
    } catch (HttpClientErrorException.BadRequest e) {
      String detail = e.getResponseBodyAs(JsonNode.class) instanceof JsonNode body && body.hasNonNull("detail")
          ? body.path("detail").asString() : "is not a known plan";
      throw new InvalidInputException("planCode", detail);
    } catch (RestClientException e) {
      throw new UnavailableException("Billing is unavailable right now; try again shortly", e);
    }
  }
}
