package dev.flowgate.billing.invoices;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;

/** Renders an invoice as a one-document PDF (A4, Helvetica), a new page whenever lines run out. */
final class InvoicePdf {

  private static final DateTimeFormatter DAY = DateTimeFormatter.ISO_LOCAL_DATE.withZone(ZoneOffset.UTC);
  private static final float MARGIN = 50;
  private static final float LEADING = 16;
  private static final PDType1Font REGULAR = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
  private static final PDType1Font BOLD = new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD);

  private InvoicePdf() {}

  static byte[] render(Invoice invoice) {
    try (PDDocument document = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      Writer writer = new Writer(document);
      writer.line(BOLD, 18, "Invoice " + invoice.number());
      writer.gap();
      writer.line(REGULAR, 11, "Tenant: " + invoice.tenantId());
      writer.line(REGULAR, 11, "Period: " + DAY.format(invoice.periodStart()) + " to "
          + DAY.format(invoice.periodEnd().minusSeconds(1)) + " (UTC)");
      writer.line(REGULAR, 11, "Plan: " + invoice.planCode() + "    Calls: " + String.format(Locale.ROOT, "%,d", invoice.calls()));
      writer.line(REGULAR, 11, "Status: " + invoice.status().wire()
          + (invoice.finalizedAt() == null ? "" : "    Finalised: " + DAY.format(invoice.finalizedAt())));
      writer.gap();
      writer.line(BOLD, 11, "Description", "Amount (" + invoice.currency() + ")");
      List<LineItem> lines = invoice.lineItems() == null ? List.of() : invoice.lineItems();
      for (LineItem item : lines) {
        String quantity = item.quantity() == 1 ? "" : "  (" + item.quantity() + " x " + money(item.unitAmountMinor(), invoice.currency()) + ")";
        writer.line(REGULAR, 10, item.description() + quantity, money(item.amountMinor(), invoice.currency()));
      }
      writer.gap();
      writer.line(REGULAR, 11, "Subtotal", money(invoice.subtotalMinor(), invoice.currency()));
      writer.line(BOLD, 12, "Total due", money(invoice.totalMinor(), invoice.currency()));
      writer.close();
      document.save(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException("could not render invoice " + invoice.id(), e);
    }
  }

  /** Minor units in the currency's own decimals: 123456 USD → "1234.56". */
  static String money(long minor, String currency) {
    int digits = Math.max(0, Currency.getInstance(currency).getDefaultFractionDigits());
    return BigDecimal.valueOf(minor, digits).toPlainString();
  }

  /** Helvetica speaks WinAnsi only: anything else (tenant-typed credit reasons) becomes '?'. */
  static String printable(String text) {
    StringBuilder out = new StringBuilder(text.length());
    text.codePoints().forEach(c -> out.append(c >= 0x20 && c < 0x7f || c >= 0xa0 && c <= 0xff ? (char) c : '?'));
    return out.toString();
  }

  /** Writes lines top-down, starting a new page at the bottom margin. */
  private static final class Writer {
    private final PDDocument document;
    private PDPageContentStream stream;
    private float y;

    Writer(PDDocument document) throws IOException {
      this.document = document;
      newPage();
    }

    private void newPage() throws IOException {
      PDPage page = new PDPage(PDRectangle.A4);
      document.addPage(page);
      stream = new PDPageContentStream(document, page);
      y = page.getMediaBox().getHeight() - MARGIN;
    }

    void line(PDType1Font font, float size, String text) throws IOException {
      line(font, size, text, null);
    }

    void line(PDType1Font font, float size, String left, String right) throws IOException {
      if (y < MARGIN + LEADING) {
        stream.close();
        newPage();
      }
      write(font, size, MARGIN, printable(left.length() > 90 ? left.substring(0, 87) + "..." : left));
      if (right != null) {
        float width = font.getStringWidth(right) / 1000 * size;
        write(font, size, PDRectangle.A4.getWidth() - MARGIN - width, right);
      }
      y -= LEADING;
    }

    private void write(PDType1Font font, float size, float x, String text) throws IOException {
      stream.beginText();
      stream.setFont(font, size);
      stream.newLineAtOffset(x, y);
      stream.showText(text);
      stream.endText();
    }

    void gap() {
      y -= LEADING / 2;
    }

    void close() throws IOException {
      stream.close();
    }
  }
}
