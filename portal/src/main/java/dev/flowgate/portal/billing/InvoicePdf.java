package dev.flowgate.portal.billing;

import com.vaadin.flow.server.streams.DownloadHandler;
import dev.flowgate.portal.base.problems.NotFoundException;
import dev.flowgate.portal.base.problems.UnavailableException;
import java.util.UUID;
import java.util.function.Supplier;

/** The download behind a "PDF" link: billing's PDF of one invoice, streamed to the browser as it arrives. */
public final class InvoicePdf {

  private InvoicePdf() {}

  /** @param invoiceId read when the link is followed, so one link can serve whichever invoice is open */
  public static DownloadHandler download(BillingClient billing, UUID tenantId, Supplier<String> invoiceId) {
    return event -> {
      String id = invoiceId.get();
      event.setFileName("invoice-" + id + ".pdf");
      event.setContentType("application/pdf");
      try {
        billing.invoicePdf(tenantId, id, (headers, body) -> Passthrough.copy(body, event.getOutputStream()));
      } catch (NotFoundException e) {
        event.getResponse().setStatus(404);
      } catch (UnavailableException e) {
        event.getResponse().setStatus(503);
      }
    };
  }
}
