package dev.flowgate.portal.billingteam;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flowgate.portal.PortalIT;
import dev.flowgate.portal.StubBillingControl;
import dev.flowgate.portal.admin.PlatformAccounts;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** CSV exports pass through the portal as billing writes them, never buffered whole. */
class BillingExportsIT extends PortalIT {

  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  @Autowired PlatformAccounts accounts;

  @AfterEach
  void reset() {
    StubBillingControl.exportRows(5, null);
  }

  private String billingTeamToken() {
    UUID id = accounts.create("billing-team-" + UUID.randomUUID() + "@flowgate.test", "x", "billing-team");
    return accounts.issueToken(id, "test");
  }

  private HttpRequest get(String path, String token) {
    return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).header("Authorization", "Bearer " + token)
        .timeout(Duration.ofSeconds(60)).build();
  }

  @Test
  void the_first_rows_of_a_large_export_arrive_while_billing_is_still_writing_the_rest() throws Exception {
    CountDownLatch gate = new CountDownLatch(1);
    StubBillingControl.exportRows(40_000, gate);
    try {
      long started = System.nanoTime();
      HttpResponse<InputStream> response = http.send(
          get("/api/v1/admin/billing/exports/usage.csv?from=2026-11-01&to=2026-11-30", billingTeamToken()),
          HttpResponse.BodyHandlers.ofInputStream());
      assertThat(Duration.ofNanos(System.nanoTime() - started)).as("headers before billing finished").isLessThan(Duration.ofSeconds(10));
      assertThat(response.statusCode()).isEqualTo(200);
      assertThat(response.headers().firstValue("X-Total-Rows")).contains("40000");
      assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("text/csv");
      assertThat(response.headers().firstValue("Content-Disposition").orElse(""))
          .contains("attachment").contains("usage-2026-11-01-2026-11-30.csv");
      BufferedReader reader = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8));
      // billing holds the second half back until the gate opens: a portal that buffered would send nothing yet
      CompletableFuture<String> firstRows = CompletableFuture.supplyAsync(() -> {
        try {
          String header = reader.readLine();
          for (int i = 0; i < 1000; i++) {
            reader.readLine();
          }
          return header;
        } catch (java.io.IOException e) {
          throw new java.io.UncheckedIOException(e);
        }
      });
      assertThat(firstRows.get(10, TimeUnit.SECONDS)).isEqualTo("tenant_id,day,calls,errors");
      assertThat(gate.getCount()).as("billing is still writing").isEqualTo(1);
      gate.countDown();
      long rest = reader.lines().count();
      assertThat(1000 + rest).isEqualTo(40_000);
    } finally {
      gate.countDown();
    }
  }

  @Test
  void the_invoice_export_streams_billings_csv_with_its_row_count() throws Exception {
    StubBillingControl.exportRows(3, null);
    HttpResponse<String> response = http.send(
        get("/api/v1/admin/billing/exports/invoices.csv?from=2026-10-01&to=2026-10-31", billingTeamToken()),
        HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("X-Total-Rows")).contains("3");
    assertThat(response.body().lines().toList()).hasSize(4).first().isEqualTo("invoice_id,tenant_id,period,status,total_minor,currency");
    assertThat(StubBillingControl.lastRequest()).isEqualTo("/internal/v1/admin/exports/invoices.csv?from=2026-10-01&to=2026-10-31");
  }

  @Test
  void an_export_needs_dates_in_order() throws Exception {
    String token = billingTeamToken();
    assertThat(http.send(get("/api/v1/admin/billing/exports/usage.csv?from=2026-11-30&to=2026-11-01", token),
        HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(400);
    assertThat(http.send(get("/api/v1/admin/billing/exports/usage.csv?from=yesterday&to=2026-11-01", token),
        HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(400);
  }
}
