package dev.flowgate.portal.base.tracing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.flowgate.portal.Api;
import dev.flowgate.portal.PortalIT;
import dev.flowgate.portal.StubBillingControl;
import dev.flowgate.portal.TestSpans;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.trace.data.SpanData;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** A management API call continues its caller's trace into the calls the portal makes for it. */
class TracingIT extends PortalIT {

  static final String CALLER_TRACE = "5af7651916cd43dd8448eb211c80319c";
  static final String CALLER_SPAN = "c7ad6b7169203331";

  @Autowired TestSpans.Recorded spans;

  @Test
  void a_call_with_a_traceparent_is_a_server_span_of_that_trace_and_billing_sees_a_child_of_it() {
    Api.Tenant tenant = signUp();

    Api.Response response = api.send("GET", "/api/v1/usage?granularity=day", tenant.token(), null,
        "traceparent", "00-" + CALLER_TRACE + "-" + CALLER_SPAN + "-01");

    assertThat(response.status()).as(response.raw()).isEqualTo(200);
    String sent = StubBillingControl.lastTraceparent();
    assertThat(sent).startsWith("00-" + CALLER_TRACE + "-");
    String clientSpanId = sent.split("-")[2];
    SpanData client = await().atMost(Duration.ofSeconds(5))
        .until(() -> find(s -> s.getSpanId().equals(clientSpanId)), Optional::isPresent).orElseThrow();
    SpanData server = await().atMost(Duration.ofSeconds(5))
        .until(() -> find(s -> s.getKind() == SpanKind.SERVER && s.getParentSpanId().equals(CALLER_SPAN)),
            Optional::isPresent).orElseThrow();
    assertThat(client.getKind()).isEqualTo(SpanKind.CLIENT);
    assertThat(server.getTraceId()).isEqualTo(CALLER_TRACE);
    assertThat(ancestors(client)).as("the billing call runs inside the request's span").contains(server.getSpanId());
  }

  @Test
  void a_call_without_a_traceparent_starts_a_trace_that_billing_continues() {
    Api.Tenant tenant = signUp();

    api.get("/api/v1/usage", tenant.token());

    String sent = StubBillingControl.lastTraceparent();
    assertThat(sent).matches("00-[0-9a-f]{32}-[0-9a-f]{16}-0[0-3]");
    String traceId = sent.split("-")[1];
    SpanData server = await().atMost(Duration.ofSeconds(5))
        .until(() -> find(s -> s.getKind() == SpanKind.SERVER && s.getTraceId().equals(traceId)), Optional::isPresent)
        .orElseThrow();
    assertThat(server.getParentSpanContext().isValid()).isFalse();
  }

  private Optional<SpanData> find(java.util.function.Predicate<SpanData> which) {
    return spans.exporter().getFinishedSpanItems().stream().filter(which).findFirst();
  }

  /** The ids of the span's parent, its parent's parent and so on, as far as recorded. */
  private List<String> ancestors(SpanData span) {
    Map<String, SpanData> byId = spans.exporter().getFinishedSpanItems().stream()
        .collect(Collectors.toMap(SpanData::getSpanId, Function.identity(), (a, b) -> a));
    List<String> ids = new java.util.ArrayList<>();
    for (SpanData at = byId.get(span.getParentSpanId()); at != null; at = byId.get(at.getParentSpanId())) {
      ids.add(at.getSpanId());
    }
    return ids;
  }
}
