package dev.flowgate.billing.tracing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.flowgate.billing.BillingIntegrationTest;
import dev.flowgate.billing.TestSpans;
import dev.flowgate.billing.UsageClient;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.trace.data.SpanData;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** An internal API call from the portal continues the portal's trace in billing. */
@BillingIntegrationTest
class TracingIT {

  static final String PORTAL_TRACE = "7af7651916cd43dd8448eb211c80319c";
  static final String PORTAL_SPAN = "d7ad6b7169203331";

  @LocalServerPort int port;
  @Autowired TestSpans.Recorded spans;

  @Test
  void a_request_with_a_traceparent_is_a_server_span_in_the_callers_trace() throws Exception {
    HttpResponse<String> response = HttpClient.newHttpClient().send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/internal/v1/plans"))
            .header("Authorization", "Bearer " + UsageClient.TOKEN)
            .header("traceparent", "00-" + PORTAL_TRACE + "-" + PORTAL_SPAN + "-01")
            .build(),
        HttpResponse.BodyHandlers.ofString());

    assertThat(response.statusCode()).isEqualTo(200);
    SpanData server = await().atMost(Duration.ofSeconds(5)).until(() -> spans.exporter().getFinishedSpanItems()
        .stream().filter(s -> s.getTraceId().equals(PORTAL_TRACE) && s.getKind() == SpanKind.SERVER).findFirst(),
        Optional::isPresent).orElseThrow();
    assertThat(server.getParentSpanId()).isEqualTo(PORTAL_SPAN);
  }
}
