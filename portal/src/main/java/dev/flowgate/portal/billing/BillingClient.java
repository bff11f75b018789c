package dev.flowgate.portal.billing;

import dev.flowgate.portal.base.config.PortalProperties;
import dev.flowgate.portal.base.problems.InvalidInputException;
import dev.flowgate.portal.base.problems.NotFoundException;
import dev.flowgate.portal.base.problems.UnavailableException;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.client.HttpClientErrorException;
import org.springframework.web.client.HttpServerErrorException;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;
import org.springframework.web.util.UriBuilder;
import tools.jackson.databind.JsonNode;

/**
 * Billing's internal API ({@code /internal/v1/...}): the tenant's plan, invoices, alerts and PDFs,
 * plus generic JSON and streaming calls that the billing team's client builds on. Billing's 404
 * becomes the portal's 404, its 400 a field error, anything else (down, 5xx) a 503.
 */
@Component
public class BillingClient {

  /** Receives a streamed answer of billing: its headers, then its body, read once and never buffered whole. */
  @FunctionalInterface
  public interface StreamSink {
    void accept(HttpHeaders headers, InputStream body) throws IOException;
  }

  private final RestClient billing;

  BillingClient(RestClient.Builder builder, PortalProperties properties) {
    JdkClientHttpRequestFactory requestFactory = new JdkClientHttpRequestFactory(
        HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build());
    // a large CSV export streams for longer than a JSON answer takes; the timeout bounds each read, not the whole
    requestFactory.setReadTimeout(Duration.ofSeconds(10));
    this.billing = builder.clone()
        .baseUrl(properties.billingUrl().toString())
        .requestFactory(requestFactory)
        .defaultHeader(HttpHeaders.AUTHORIZATION, "Bearer " + properties.internalToken())
        .build();
  }

  /** The plans a tenant can choose ({@code GET /internal/v1/plans}). */
  public JsonNode plans() {
    return get("plans", u -> u.path("/internal/v1/plans").build());
  }

  public JsonNode plan(UUID tenantId) {
    return get("plan", u -> u.path("/internal/v1/tenants/{t}/plan").build(tenantId));
  }

  public JsonNode changePlan(UUID tenantId, String planCode) {
    return call("plan", "planCode", () -> billing.put().uri("/internal/v1/tenants/{t}/plan", tenantId)
        .contentType(MediaType.APPLICATION_JSON).body(Map.of("planCode", planCode))
        .accept(MediaType.APPLICATION_JSON).retrieve().body(JsonNode.class));
  }

  public JsonNode invoices(UUID tenantId, int page, int size) {
    return get("invoices", u -> u.path("/internal/v1/tenants/{t}/invoices")
        .queryParam("page", page).queryParam("size", size).build(tenantId));
  }

  public JsonNode invoice(UUID tenantId, String invoiceId) {
    return get("invoice " + invoiceId, u -> u.path("/internal/v1/tenants/{t}/invoices/{i}").build(tenantId, invoiceId));
  }

  public JsonNode upcoming(UUID tenantId) {
    return get("upcoming invoice", u -> u.path("/internal/v1/tenants/{t}/invoices/upcoming").build(tenantId));
  }

  /** Usage alerts billing raised for the tenant (80% and 100% of the included calls), newest first. */
  public JsonNode alerts(UUID tenantId) {
    return get("alerts", u -> u.path("/internal/v1/tenants/{t}/alerts").build(tenantId));
  }

  /** Streams the invoice's PDF into the sink; an unknown invoice (or another tenant's) is a 404. */
  public void invoicePdf(UUID tenantId, String invoiceId, StreamSink sink) {
    stream("invoice " + invoiceId, u -> u.path("/internal/v1/tenants/{t}/invoices/{i}/pdf").build(tenantId, invoiceId),
        MediaType.APPLICATION_PDF, sink);
  }

  /** A JSON GET; {@code what} names the resource in a 404. */
  public JsonNode get(String what, Function<UriBuilder, URI> uri) {
    return call(what, "request", () -> billing.get().uri(uri).accept(MediaType.APPLICATION_JSON).retrieve().body(JsonNode.class));
  }

  /** A JSON POST; billing's 400 becomes a field error on billing's field, else on {@code field}. */
  public JsonNode post(String what, String field, Function<UriBuilder, URI> uri, Object body) {
    return call(what, field, () -> billing.post().uri(uri).contentType(MediaType.APPLICATION_JSON).body(body)
        .accept(MediaType.APPLICATION_JSON).retrieve().body(JsonNode.class));
  }

  /**
   * A GET whose answer is copied into the sink as it arrives (CSV exports, PDFs). Errors before the
   * body starts map as for JSON calls; a break mid-stream surfaces as the sink's IOException.
   */
  public void stream(String what, Function<UriBuilder, URI> uri, MediaType accept, StreamSink sink) {
    call(what, "request", () -> billing.get().uri(uri).accept(accept).exchange((request, response) -> {
      if (response.getStatusCode().isError()) {
        byte[] problem = response.getBody().readNBytes(16_384);
        throw response.getStatusCode().is4xxClientError()
            ? HttpClientErrorException.create(response.getStatusCode(), response.getStatusText(), response.getHeaders(), problem, null)
            : HttpServerErrorException.create(response.getStatusCode(), response.getStatusText(), response.getHeaders(), problem, null);
      }
      sink.accept(response.getHeaders(), response.getBody());
      return null;
    }));
  }

  private static <T> T call(String what, String field, Supplier<T> request) {
    try {
      return request.get();
    } catch (HttpClientErrorException.NotFound e) {
      throw new NotFoundException("billing", what);
    } catch (HttpClientErrorException.BadRequest e) {
      throw badRequest(e, field);
    } catch (RestClientException e) {
      throw new UnavailableException("Billing is unavailable right now; try again shortly", e);
    }
  }

  private static InvalidInputException badRequest(HttpClientErrorException e, String field) {
    JsonNode body;
    try {
      body = e.getResponseBodyAs(JsonNode.class);
    } catch (RestClientException unreadable) {
      body = null;
    }
    if (body == null) {
      return new InvalidInputException(field, "was refused by billing");
    }
    JsonNode first = body.path("errors").path(0);
    if (first.hasNonNull("field")) {
      return new InvalidInputException(first.path("field").asString(), first.path("message").asString("is invalid"));
    }
    return new InvalidInputException(field, body.hasNonNull("detail") ? body.path("detail").asString()
        : field.equals("planCode") ? "is not a known plan" : "was refused by billing");
  }
}
