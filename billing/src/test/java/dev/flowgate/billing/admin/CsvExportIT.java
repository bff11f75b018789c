package dev.flowgate.billing.admin;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flowgate.billing.BillingFixtures;
import dev.flowgate.billing.BillingIntegrationTest;
import dev.flowgate.billing.UsageClient;
import dev.flowgate.billing.UsageClient.Answer;
import dev.flowgate.billing.invoices.InvoiceFinalizer;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

@BillingIntegrationTest
class CsvExportIT {

  @LocalServerPort int port;
  @Autowired JdbcTemplate jdbc;
  @Autowired InvoiceFinalizer finalizer;

  private UsageClient client;
  private BillingFixtures fixtures;
  private final UUID tenant = UUID.randomUUID();
  private final YearMonth month = BillingFixtures.randomPastMonth();

  @BeforeEach
  void setUp() {
    client = new UsageClient(port);
    fixtures = new BillingFixtures(jdbc);
  }

  @AfterEach
  void removePlans() {
    fixtures.removePlans();
  }

  private List<String> lines(Answer answer) {
    return Arrays.asList(answer.response().body().split("\r\n"));
  }

  @Test
  void usage_exports_as_csv_with_the_row_count_announced_first() {
    for (int day = 0; day < 3; day++) {
      fixtures.usage(tenant, BillingFixtures.start(month).plusSeconds(86_400L * day), 10 + day);
    }
    LocalDate first = month.atDay(1);

    Answer answer = client.get("/internal/v1/admin/exports/usage.csv?from=" + first + "&to=" + first.plusDays(2),
        UsageClient.TOKEN);

    assertThat(answer.status()).isEqualTo(200);
    assertThat(answer.response().headers().firstValue("Content-Type")).hasValueSatisfying(
        t -> assertThat(t).startsWith("text/csv"));
    List<String> lines = lines(answer);
    long total = Long.parseLong(answer.response().headers().firstValue("X-Total-Rows").orElseThrow());
    assertThat(lines.getFirst()).isEqualTo(
        "day,tenant_id,key_id,route_id,calls,errors,server_errors,request_bytes,response_bytes,latency_max_ms");
    assertThat(lines).hasSize((int) total + 1);
    assertThat(lines.stream().filter(l -> l.contains(tenant.toString())))
        .hasSize(3)
        .anySatisfy(l -> assertThat(l).startsWith(first.plusDays(2) + "," + tenant).contains(",12,"));
  }

  @Test
  void invoices_export_as_csv_one_line_per_invoice() {
    fixtures.plan(tenant, "starter", BillingFixtures.start(month));
    fixtures.usage(tenant, BillingFixtures.start(month), 3);
    finalizer.finalizeMonth(month);

    Answer answer = client.get("/internal/v1/admin/exports/invoices.csv?from=" + month.atDay(1) + "&to="
        + month.atEndOfMonth(), UsageClient.TOKEN);

    List<String> lines = lines(answer);
    assertThat(lines.getFirst()).startsWith("number,id,tenant_id,period,plan_code,calls,status,currency");
    assertThat(lines).hasSize(Integer.parseInt(answer.response().headers().firstValue("X-Total-Rows").orElseThrow()) + 1);
    assertThat(lines.stream().filter(l -> l.contains(tenant.toString())).findFirst()).hasValueSatisfying(
        l -> assertThat(l).contains("," + month + ",starter,3,open,USD,2900,2900,"));
  }

  @Test
  void an_empty_range_is_just_the_header_and_a_bad_range_is_a_problem() {
    Answer empty = client.get("/internal/v1/admin/exports/invoices.csv?from=1970-01-01&to=1970-01-02",
        UsageClient.TOKEN);
    Answer backwards = client.get("/internal/v1/admin/exports/usage.csv?from=2020-01-02&to=2020-01-01",
        UsageClient.TOKEN);

    assertThat(empty.response().headers().firstValue("X-Total-Rows")).hasValue("0");
    assertThat(lines(empty)).hasSize(1);
    assertThat(backwards.status()).isEqualTo(400);
    assertThat(client.get("/internal/v1/admin/exports/usage.csv?from=yesterday&to=2020-01-01", UsageClient.TOKEN)
        .status()).isEqualTo(400);
  }

  @Test
  void csv_cells_with_commas_or_quotes_are_quoted() {
    assertThat(CsvExports.cell("a,b")).isEqualTo("\"a,b\"");
    assertThat(CsvExports.cell("say \"hi\"")).isEqualTo("\"say \"\"hi\"\"\"");
    assertThat(CsvExports.cell(null)).isEmpty();
  }
}
