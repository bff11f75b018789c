package dev.flowgate.worker.steps;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.hc.client5.http.DnsResolver;
import org.apache.hc.client5.http.classic.methods.HttpUriRequestBase;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
import org.apache.hc.core5.util.Timeout;
import org.jspecify.annotations.Nullable;

/**
 * The HTTP client of {@code http_request} and {@code webhook} steps: every connection resolves its
 * host through the {@link UpstreamGuard}, redirects are not followed (a redirect could lead
 * anywhere), and the step's retry is Temporal's, so the client itself never retries.
 */
public final class StepHttpClient implements AutoCloseable {

  private final UpstreamGuard guard;
  private final int maxResponseBytes;
  private final CloseableHttpClient client;

  public StepHttpClient(UpstreamGuard guard, StepsProperties properties) {
    this.guard = guard;
    this.maxResponseBytes = properties.maxResponseBytes();
    DnsResolver resolver = new DnsResolver() {
      @Override
      public InetAddress[] resolve(String host) throws UnknownHostException {
        return guard.resolve(host);
      }

      @Override
      public String resolveCanonicalHostname(String host) throws UnknownHostException {
        return guard.resolve(host)[0].getCanonicalHostName();
      }
    };
    this.client = HttpClients.custom()
        .setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create()
            .setDnsResolver(resolver)
            .setDefaultConnectionConfig(ConnectionConfig.custom()
                .setConnectTimeout(Timeout.of(properties.connectTimeout()))
                .build())
            .setMaxConnTotal(50)
            .setMaxConnPerRoute(10)
            .build())
        .disableRedirectHandling()
        .disableAutomaticRetries()
        .disableCookieManagement()
        .setUserAgent("Flowgate-Workflow/1")
        .build();
  }

  /** Refuses {@code url} now, with a clear reason, if its host is not allowed. */
  public void check(String url) throws UpstreamGuard.UpstreamRefusedException {
    String host = URI.create(url).getHost();
    try {
      guard.resolve(host.startsWith("[") ? host.substring(1, host.length() - 1) : host);
    } catch (UpstreamGuard.UpstreamRefusedException e) {
      throw e;
    } catch (UnknownHostException e) {
      // not resolvable now: the connect attempt reports it, and the step's retry applies
    }
  }

  /** Sends one request; a body is sent with {@code contentType}. */
  public Response send(
      String method, String url, Map<String, String> headers, byte @Nullable [] body,
      @Nullable String contentType, long timeoutMs) throws IOException {
    check(url);
    HttpUriRequestBase request = new HttpUriRequestBase(method, URI.create(url));
    request.setConfig(RequestConfig.custom()
        .setResponseTimeout(Timeout.ofMilliseconds(timeoutMs))
        .setConnectionRequestTimeout(Timeout.ofMilliseconds(timeoutMs))
        .build());
    headers.forEach(request::setHeader);
    if (body != null) {
      request.setEntity(new ByteArrayEntity(body, contentType == null ? ContentType.APPLICATION_JSON : ContentType.parse(contentType)));
    }
    return client.execute(request, response -> {
      Map<String, String> responseHeaders = new LinkedHashMap<>();
      for (Header header : response.getHeaders()) {
        responseHeaders.putIfAbsent(header.getName().toLowerCase(), header.getValue());
      }
      byte[] bytes = new byte[0];
      if (response.getEntity() != null) {
        try (InputStream in = response.getEntity().getContent()) {
          bytes = in.readNBytes(maxResponseBytes);
        }
      }
      return new Response(response.getCode(), responseHeaders, bytes);
    });
  }

  @Override
  public void close() throws IOException {
    client.close();
  }

  /** A response, its body cut at the configured size. */
  public record Response(int status, Map<String, String> headers, byte[] body) {}
}
