package dev.flowgate.billing.invoices;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flowgate.billing.BillingFixtures;
import dev.flowgate.billing.BillingIntegrationTest;
import dev.flowgate.billing.UsageClient;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.YearMonth;
import java.util.UUID;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

@BillingIntegrationTest
class InvoicePdfIT {

  @LocalServerPort int port;
  @Autowired JdbcTemplate jdbc;
  @Autowired InvoiceFinalizer finalizer;
  @Autowired InvoiceService invoices;

  private BillingFixtures fixtures;
  private final UUID tenant = UUID.randomUUID();
  private final HttpClient http = HttpClient.newHttpClient();

  @BeforeEach
  void setUp() {
    fixtures = new BillingFixtures(jdbc);
  }

  @AfterEach
  void removePlans() {
    fixtures.removePlans();
  }

  private HttpResponse<byte[]> pdf(UUID tenantId, UUID invoiceId) throws Exception {
    return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/internal/v1/tenants/" + tenantId
            + "/invoices/" + invoiceId + "/pdf")).header("Authorization", "Bearer " + UsageClient.TOKEN).build(),
        HttpResponse.BodyHandlers.ofByteArray());
  }

  private Invoice finalisedInvoice() {
    YearMonth month = BillingFixtures.randomPastMonth();
    fixtures.plan(tenant, "starter", BillingFixtures.start(month));
    fixtures.usage(tenant, BillingFixtures.start(month), 123_456);
    finalizer.finalizeMonth(month);
    UUID id = jdbc.queryForObject("SELECT id FROM billing.invoices WHERE tenant_id = ?", UUID.class, tenant);
    return invoices.get(tenant, id);
  }

  @Test
  void an_invoice_downloads_as_a_pdf_with_its_number_lines_and_total() throws Exception {
    Invoice invoice = finalisedInvoice();

    HttpResponse<byte[]> response = pdf(tenant, invoice.id());

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type")).hasValue("application/pdf");
    assertThat(response.headers().firstValue("Content-Disposition")).hasValueSatisfying(
        d -> assertThat(d).contains(invoice.number() + ".pdf"));
    try (PDDocument document = Loader.loadPDF(response.body())) {
      String text = new PDFTextStripper().getText(document);
      assertThat(text).contains("Invoice " + invoice.number())
          .contains(tenant.toString())
          .contains("Starter plan, monthly base price")
          .contains("23,456 calls over the 100,000 included")
          .contains("Total due")
          .contains(InvoicePdf.money(invoice.totalMinor(), "USD"));
    }
    assertThat(invoice.totalMinor()).isEqualTo(2_900 + 24 * 50);
  }

  @Test
  void another_tenants_invoice_pdf_is_not_found() throws Exception {
    Invoice invoice = finalisedInvoice();

    HttpResponse<byte[]> response = pdf(UUID.randomUUID(), invoice.id());

    assertThat(response.statusCode()).isEqualTo(404);
    assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
  }

  @Test
  void amounts_are_written_in_the_currencys_own_decimals() {
    assertThat(InvoicePdf.money(123_456, "USD")).isEqualTo("1234.56");
    assertThat(InvoicePdf.money(-500, "USD")).isEqualTo("-5.00");
    assertThat(InvoicePdf.money(1_500, "JPY")).isEqualTo("1500");
    assertThat(InvoicePdf.printable("Credit → Ünïcode ✓")).isEqualTo("Credit ? Ünïcode ?");
  }
}
