package dev.flowgate.portal.usage;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.data.provider.Query;
import com.vaadin.flow.spring.security.AuthenticationContext;
import dev.flowgate.portal.Api;
import dev.flowgate.portal.PortalIT;
import dev.flowgate.portal.StubBillingControl;
import dev.flowgate.portal.ViewSession;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/** The usage screen, driven server-side against the stub billing server. */
class UsageViewIT extends PortalIT {

  @RegisterExtension final ViewSession session = new ViewSession();

  @Autowired UsageClient usage;
  @Autowired UsageNames names;
  @Autowired AuthenticationContext authentication;
  @Autowired Clock clock;

  @AfterEach
  void resetStubBilling() {
    StubBillingControl.failing(false);
  }

  private UsageView usageAs(Api.Tenant tenant, String role) {
    session.signIn(tenant, role);
    return new UsageView(usage, names, authentication, clock);
  }

  private static List<JsonNode> rows(UsageView view) {
    return view.series.getDataProvider().fetch(new Query<>()).toList();
  }

  @Test
  void it_opens_on_today_by_hour_for_the_whole_tenant() {
    Api.Tenant tenant = signUp();
    LocalDate today = LocalDate.now(clock.withZone(ZoneOffset.UTC));

    UsageView view = usageAs(tenant, "viewer");

    assertThat(view.from.getValue()).isEqualTo(today);
    assertThat(view.to.getValue()).isEqualTo(today);
    assertThat(view.granularity.getValue()).isEqualTo("hour");
    assertThat(view.groupBy.getValue()).isEqualTo("none");
    assertThat(StubBillingControl.lastQuery()).contains("tenantId=" + tenant.id())
        .contains("from=" + today + "T00:00:00Z").contains("to=" + today.plusDays(1) + "T00:00:00Z")
        .contains("granularity=hour").contains("groupBy=none");
    assertThat(view.summary.calls.getText()).isEqualTo("42");
    assertThat(view.summary.errors.getText()).isEqualTo("3");
    assertThat(view.summary.serverErrors.getText()).isEqualTo("1");
    assertThat(view.summary.bytes.getText()).isEqualTo("100 B / 200 B");
    assertThat(view.from.getLabel()).isNotBlank();
    assertThat(view.granularity.getLabel()).isNotBlank();
  }

  @Test
  void grouped_by_key_the_series_names_the_keys_and_the_summary_shows_the_worst_latency() {
    Api.Tenant tenant = signUp();
    String keyId = api.post("/api/v1/keys", tenant.token(), Map.of("name", "orders-app")).json().path("id").asString();
    String gone = UUID.randomUUID().toString();
    StubBillingControl.usage(tenant.id(), """
        "totals":{"calls":30,"errors":4,"serverErrors":2,"requestBytes":2048,"responseBytes":1572864},
        "series":[
         {"bucketStart":"2026-11-23T00:00:00Z","group":"%s","calls":20,"errors":1,"serverErrors":0,
          "requestBytes":1024,"responseBytes":1048576,"latencyP50Ms":12,"latencyP95Ms":80,"latencyP99Ms":120},
         {"bucketStart":"2026-11-23T00:00:00Z","group":"%s","calls":10,"errors":3,"serverErrors":2,
          "requestBytes":1024,"responseBytes":524288,"latencyP50Ms":30,"latencyP95Ms":60,"latencyP99Ms":400}]""".formatted(keyId, gone));
    UsageView view = usageAs(tenant, "developer");

    view.granularity.setValue("day");
    view.groupBy.setValue("key");

    assertThat(StubBillingControl.lastQuery()).contains("granularity=day").contains("groupBy=key");
    List<JsonNode> rows = rows(view);
    assertThat(rows).hasSize(2);
    assertThat(view.groupLabel(keyId)).isEqualTo("orders-app (" + keyId.substring(0, 8) + ")");
    assertThat(view.groupLabel(gone)).startsWith("deleted");
    assertThat(view.summary.calls.getText()).isEqualTo("30");
    assertThat(view.summary.bytes.getText()).isEqualTo("2.0 KiB / 1.5 MiB");
    assertThat(view.summary.p50.getText()).isEqualTo("30 ms");
    assertThat(view.summary.p95.getText()).isEqualTo("80 ms");
    assertThat(view.summary.p99.getText()).isEqualTo("400 ms");
    assertThat(view.charts.traffic.dataTable()).containsExactly(
        List.of("Bucket (UTC)", "Calls", "Errors", "5xx"), List.of("2026-11-23", "30", "4", "2"));
    assertThat(view.charts.latency.dataTable()).containsExactly(
        List.of("Bucket (UTC)", "p50", "p95", "p99"), List.of("2026-11-23", "30", "80", "400"));
    assertThat(view.charts.byGroup.isVisible() && view.charts.byGroup.getParent().orElseThrow().isVisible()).isTrue();
    assertThat(view.charts.byGroup.dataTable()).contains(List.of(view.groupLabel(keyId), "20", "1"), List.of(view.groupLabel(gone), "10", "3"));
    assertThat(view.charts.byGroup.getElement().getAttribute("aria-label")).isEqualTo("Calls and errors by api key");
  }

  @Test
  void a_range_that_ends_before_it_starts_is_refused_on_the_field_and_not_asked() {
    Api.Tenant tenant = signUp();
    UsageView view = usageAs(tenant, "billing");
    String before = StubBillingControl.lastQuery();

    view.from.setValue(view.to.getValue().plusDays(2));

    assertThat(view.to.isInvalid()).isTrue();
    assertThat(view.to.getErrorMessage()).contains("on or after");
    assertThat(StubBillingControl.lastQuery()).isEqualTo(before);
  }

  @Test
  void billing_down_says_so_in_place() {
    Api.Tenant tenant = signUp();
    StubBillingControl.failing(true);

    UsageView view = usageAs(tenant, "owner");

    assertThat(view.status.getText()).contains("unavailable");
    assertThat(view.summary.calls.getText()).isEqualTo("–");
    assertThat(rows(view)).isEmpty();
    assertThat(view.charts.traffic.dataTable()).hasSize(1);
  }

  @Test
  void bytes_are_shown_in_binary_units() {
    assertThat(UsageSummary.bytes(0)).isEqualTo("0 B");
    assertThat(UsageSummary.bytes(1023)).isEqualTo("1023 B");
    assertThat(UsageSummary.bytes(1536)).isEqualTo("1.5 KiB");
    assertThat(UsageSummary.bytes(5L * 1024 * 1024 * 1024)).isEqualTo("5.0 GiB");
  }
}
