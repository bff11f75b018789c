package dev.flowgate.gateway.proxy;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.MultiMap;
import org.junit.jupiter.api.Test;

class HeaderHygieneTest {

  private static MultiMap headers(String... namesAndValues) {
    MultiMap headers = MultiMap.caseInsensitiveMultiMap();
    for (int i = 0; i < namesAndValues.length; i += 2) {
      headers.add(namesAndValues[i], namesAndValues[i + 1]);
    }
    return headers;
  }

  @Test
  void hop_by_hop_headers_and_those_the_connection_header_names_are_not_forwarded_upstream() {
    MultiMap incoming = headers("Connection", "keep-alive, X-Secret-Hop", "Keep-Alive", "timeout=5", "TE", "trailers",
        "Transfer-Encoding", "chunked", "Upgrade", "h2c", "Proxy-Authorization", "Basic x", "X-Secret-Hop", "1",
        "Accept", "application/json");
    MultiMap upstream = MultiMap.caseInsensitiveMultiMap();

    HeaderHygiene.copyRequestHeaders(incoming, upstream, false);

    assertThat(upstream.names()).containsExactly("Accept");
  }

  @Test
  void the_x_api_key_header_is_never_forwarded() {
    MultiMap upstream = MultiMap.caseInsensitiveMultiMap();

    HeaderHygiene.copyRequestHeaders(headers("X-API-Key", "fg_live_x", "Authorization", "Basic dXNlcg=="), upstream, false);

    assertThat(upstream.contains("X-API-Key")).isFalse();
    assertThat(upstream.get("Authorization")).isEqualTo("Basic dXNlcg==");
  }

  @Test
  void authorization_is_dropped_when_it_carried_the_flowgate_key() {
    MultiMap upstream = MultiMap.caseInsensitiveMultiMap();

    HeaderHygiene.copyRequestHeaders(headers("Authorization", "Bearer fg_live_x"), upstream, true);

    assertThat(upstream.contains("Authorization")).isFalse();
  }

  @Test
  void the_caller_cannot_choose_forwarding_headers_or_the_tenant_sent_upstream() {
    MultiMap incoming = headers("Host", "acme.gw.example:8000", "X-Forwarded-For", "203.0.113.9",
        "X-Forwarded-Proto", "https", "X-Tenant-ID", "someone-else", "X-Request-ID", "req-1");
    MultiMap upstream = MultiMap.caseInsensitiveMultiMap();

    HeaderHygiene.copyRequestHeaders(incoming, upstream, false);
    HeaderHygiene.addForwardingHeaders(incoming, upstream, "req-1", "198.51.100.7", false, "tenant-id");

    assertThat(upstream.get("X-Forwarded-For")).isEqualTo("203.0.113.9, 198.51.100.7");
    assertThat(upstream.get("X-Forwarded-Proto")).isEqualTo("http");
    assertThat(upstream.get("X-Forwarded-Host")).isEqualTo("acme.gw.example:8000");
    assertThat(upstream.getAll("X-Tenant-ID")).containsExactly("tenant-id");
    assertThat(upstream.getAll("X-Request-ID")).containsExactly("req-1");
    assertThat(upstream.contains("Host")).isFalse();
  }

  @Test
  void a_sane_request_id_is_kept_and_anything_else_replaced() {
    assertThat(HeaderHygiene.requestId("abc-123_x.y")).isEqualTo("abc-123_x.y");
    assertThat(HeaderHygiene.requestId(null)).matches("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");
    assertThat(java.util.UUID.fromString(HeaderHygiene.requestId(null)).version()).isEqualTo(4);
    assertThat(HeaderHygiene.requestId("bad id\r\nX-Injected: 1")).matches("[0-9a-f-]{36}");
    assertThat(HeaderHygiene.requestId("x".repeat(129))).hasSize(36);
  }

  @Test
  void a_callers_trace_context_is_not_copied_upstream_the_gateway_sets_its_own() {
    MultiMap upstream = MultiMap.caseInsensitiveMultiMap();

    HeaderHygiene.copyRequestHeaders(headers("traceparent", "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01",
        "tracestate", "vendor=1", "Accept", "*/*"), upstream, false);

    assertThat(upstream.names()).containsExactly("Accept");
  }

  @Test
  void hop_by_hop_headers_are_not_returned_to_the_caller() {
    MultiMap response = MultiMap.caseInsensitiveMultiMap();

    HeaderHygiene.copyResponseHeaders(headers("Connection", "close, X-Internal", "X-Internal", "1",
        "Transfer-Encoding", "chunked", "Content-Type", "application/json"), response);

    assertThat(response.names()).containsExactly("Content-Type");
  }

  @Test
  void every_response_carries_request_id_tenant_and_security_headers() {
    MultiMap response = headers("X-Tenant-ID", "spoofed-by-upstream");

    HeaderHygiene.addResponseHeaders(response, "req-9", "tenant-1");

    assertThat(response.get("X-Request-ID")).isEqualTo("req-9");
    assertThat(response.getAll("X-Tenant-ID")).containsExactly("tenant-1");
    assertThat(response.get("X-Content-Type-Options")).isEqualTo("nosniff");
    assertThat(response.get("Referrer-Policy")).isEqualTo("no-referrer");
    assertThat(response.get("Strict-Transport-Security")).startsWith("max-age=");
  }
}
