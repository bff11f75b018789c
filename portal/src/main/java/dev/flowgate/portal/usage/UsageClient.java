package dev.flowgate.portal.usage;

import dev.flowgate.portal.base.config.PortalProperties;
import dev.flowgate.portal.base.problems.UnavailableException;
import java.net.http.HttpClient;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;
import tools.jackson.databind.JsonNode;

/** Asks billing for a tenant's metered usage ({@code GET /internal/v1/usage}). */
@Component
public class UsageClient {

  private final RestClient billing;

  UsageClient(RestClient.Builder builder, PortalProperties properties) {
    JdkClientHttpRequestFactory requestFactory = new JdkClientHttpRequestFactory(
        HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build());
    requestFactory.setReadTimeout(Duration.ofSeconds(10));
    this.billing = builder
        .baseUrl(properties.billingUrl().toString())
        .requestFactory(requestFactory)
        .defaultHeader(HttpHeaders.AUTHORIZATION, "Bearer " + properties.internalToken())
        .build();
  }

  /**
   * @param groupBy {@code none}, {@code key} or {@code route}
   * @throws UnavailableException when billing does not answer or fails
   */
  public JsonNode usage(UUID tenantId, Instant from, Instant to, String granularity, String groupBy) {
    try {
      return billing.get()
          .uri(u -> u.path("/internal/v1/usage")
              .queryParam("tenantId", tenantId)
              .queryParam("from", from.toString())
              .queryParam("to", to.toString())
              .queryParam("granularity", granularity)
              .queryParam("groupBy", groupBy)
              .build())
          .accept(MediaType.APPLICATION_JSON)
          .retrieve()
          .body(JsonNode.class);
    } catch (RestClientException e) {
      throw new UnavailableException("Usage is unavailable right now (billing did not answer); try again shortly", e);
    }
  }
}
