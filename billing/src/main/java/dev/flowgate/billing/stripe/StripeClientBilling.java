package dev.flowgate.billing.stripe;

import com.stripe.StripeClient;
import com.stripe.exception.InvalidRequestException;
import com.stripe.exception.StripeException;
import com.stripe.model.Customer;
import com.stripe.model.InvoiceLineItem;
import com.stripe.net.RequestOptions;
import com.stripe.param.CustomerCreateParams;
import com.stripe.param.InvoiceCreateParams;
import com.stripe.param.InvoiceItemCreateParams;
import com.stripe.param.InvoiceListParams;
import dev.flowgate.billing.invoices.Invoice;
import dev.flowgate.billing.invoices.InvoiceStatus;
import dev.flowgate.billing.invoices.LineItem;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * {@link StripeBilling} through stripe-java's {@link StripeClient}. Creates carry idempotency keys
 * derived from Flowgate ids, and objects carry Flowgate ids in their metadata, so a retried push
 * reuses what an interrupted one left on Stripe.
 */
class StripeClientBilling implements StripeBilling {

  static final String INVOICE_ID = "flowgate_invoice_id";
  static final String TENANT_ID = "flowgate_tenant_id";
  static final String LINE = "flowgate_line";

  private final StripeClient stripe;
  private final long daysUntilDue;

  StripeClientBilling(StripeClient stripe, long daysUntilDue) {
    this.stripe = stripe;
    this.daysUntilDue = daysUntilDue;
  }

  @Override
  public String createCustomer(UUID tenantId) {
    try {
      Customer customer = stripe.v1().customers().create(
          CustomerCreateParams.builder()
              .setDescription("Flowgate tenant " + tenantId)
              .putMetadata(TENANT_ID, tenantId.toString())
              .build(),
          idempotent("flowgate-customer-" + tenantId));
      return customer.getId();
    } catch (StripeException e) {
      throw new StripeBillingException("Stripe refused the customer of tenant " + tenantId + ": " + e.getMessage(), e, false);
    }
  }

  @Override
  public PushedInvoice pushInvoice(String customerId, Invoice invoice) {
    UUID id = Objects.requireNonNull(invoice.id(), "only stored invoices are pushed");
    try {
      com.stripe.model.Invoice remote = existing(customerId, id);
      if (remote == null) {
        remote = stripe.v1().invoices().create(
            InvoiceCreateParams.builder()
                .setCustomer(customerId)
                .setCurrency(invoice.currency().toLowerCase(Locale.ROOT))
                .setCollectionMethod(InvoiceCreateParams.CollectionMethod.SEND_INVOICE)
                .setDaysUntilDue(daysUntilDue)
                .setAutoAdvance(false)
                .setDescription("Flowgate " + invoice.number() + ", " + invoice.periodStart() + " to " + invoice.periodEnd())
                .putMetadata(INVOICE_ID, id.toString())
                .putMetadata(TENANT_ID, invoice.tenantId().toString())
                .build(),
            idempotent("flowgate-invoice-" + id));
      }
      if ("draft".equals(remote.getStatus())) {
        addMissingLines(customerId, invoice, remote);
        remote = stripe.v1().invoices().finalizeInvoice(remote.getId(), idempotent("flowgate-finalize-" + id));
      }
      return new PushedInvoice(remote.getId(), status(remote.getStatus()), paidAt(remote));
    } catch (StripeException e) {
      throw new StripeBillingException("Stripe refused invoice " + invoice.number() + ": " + e.getMessage(), e,
          e instanceof InvalidRequestException invalid && "resource_missing".equals(invalid.getCode())
              && "customer".equals(invalid.getParam()));
    }
  }

  private com.stripe.model.@Nullable Invoice existing(String customerId, UUID invoiceId) throws StripeException {
    var page = stripe.v1().invoices().list(InvoiceListParams.builder().setCustomer(customerId).setLimit(100L).build());
    return page.getData().stream()
        .filter(remote -> remote.getMetadata() != null && invoiceId.toString().equals(remote.getMetadata().get(INVOICE_ID)))
        .findFirst().orElse(null);
  }

  private void addMissingLines(String customerId, Invoice invoice, com.stripe.model.Invoice remote) throws StripeException {
    Set<String> present = new HashSet<>();
    if (remote.getLines() != null && remote.getLines().getData() != null) {
      for (InvoiceLineItem line : remote.getLines().getData()) {
        Map<String, String> metadata = line.getMetadata();
        if (metadata != null && metadata.get(LINE) != null) {
          present.add(metadata.get(LINE));
        }
      }
    }
    List<LineItem> lines = invoice.lineItems() == null ? List.of() : invoice.lineItems();
    for (int i = 0; i < lines.size(); i++) {
      LineItem line = lines.get(i);
      if (present.contains(Integer.toString(i))) {
        continue;
      }
      stripe.v1().invoiceItems().create(
          InvoiceItemCreateParams.builder()
              .setCustomer(customerId)
              .setInvoice(remote.getId())
              .setAmount(line.amountMinor())
              .setCurrency(invoice.currency().toLowerCase(Locale.ROOT))
              .setDescription(line.description())
              .putMetadata(LINE, Integer.toString(i))
              .putMetadata(INVOICE_ID, String.valueOf(invoice.id()))
              .build(),
          idempotent("flowgate-invoice-" + invoice.id() + "-line-" + i));
    }
  }

  /** Stripe's invoice states in Flowgate's terms; {@code uncollectible} is a failed payment. */
  static InvoiceStatus status(@Nullable String stripeStatus) {
    return switch (stripeStatus == null ? "" : stripeStatus) {
      case "draft" -> InvoiceStatus.DRAFT;
      case "paid" -> InvoiceStatus.PAID;
      case "void" -> InvoiceStatus.VOID;
      case "uncollectible" -> InvoiceStatus.PAYMENT_FAILED;
      default -> InvoiceStatus.OPEN;
    };
  }

  private static @Nullable Instant paidAt(com.stripe.model.Invoice remote) {
    if (remote.getStatusTransitions() == null || remote.getStatusTransitions().getPaidAt() == null) {
      return null;
    }
    return Instant.ofEpochSecond(remote.getStatusTransitions().getPaidAt());
  }

  private static RequestOptions idempotent(String key) {
    return RequestOptions.builder().setIdempotencyKey(key).build();
  }
}
