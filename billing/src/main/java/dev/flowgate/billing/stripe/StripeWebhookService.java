package dev.flowgate.billing.stripe;

import com.stripe.exception.SignatureVerificationException;
import com.stripe.model.Event;
import com.stripe.net.Webhook;
import dev.flowgate.billing.invoices.Invoice;
import dev.flowgate.billing.invoices.InvoiceService;
import dev.flowgate.billing.invoices.InvoiceStatus;
import dev.flowgate.billing.web.InvalidRequestException;
import dev.flowgate.billing.web.InvalidRequestException.FieldProblem;
import dev.flowgate.billing.web.InvalidSignatureException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.ErrorResponseException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Verifies Stripe webhooks and applies each event once: the event id is recorded in the same
 * transaction that changes the invoice, so a replayed delivery changes nothing.
 */
@Service
class StripeWebhookService {

  /** What became of one delivery. */
  record Outcome(String eventId, String type, String outcome) {}

  static final Map<String, InvoiceStatus> STATUS_BY_EVENT = Map.of(
      "invoice.finalized", InvoiceStatus.OPEN,
      "invoice.paid", InvoiceStatus.PAID,
      "invoice.payment_failed", InvoiceStatus.PAYMENT_FAILED,
      "invoice.marked_uncollectible", InvoiceStatus.PAYMENT_FAILED,
      "invoice.voided", InvoiceStatus.VOID);

  private final StripeProperties properties;
  private final InvoiceService invoices;
  private final StripeRepository repository;
  private final TransactionTemplate transactions;
  private final JsonMapper json;
  private final Clock clock;

  StripeWebhookService(StripeProperties properties, InvoiceService invoices, StripeRepository repository,
      TransactionTemplate transactions, JsonMapper json, Clock clock) {
    this.properties = properties;
    this.invoices = invoices;
    this.repository = repository;
    this.transactions = transactions;
    this.json = json;
    this.clock = clock;
  }

  Outcome receive(String payload, @Nullable String signature) {
    Event event = verified(payload, signature);
    JsonNode object = json.readTree(payload).path("data").path("object");
    boolean isInvoice = "invoice".equals(object.path("object").asString(""));
    String stripeInvoiceId = isInvoice ? object.path("id").asString(null) : null;
    return transactions.execute(status -> {
      if (!repository.recordEvent(event.getId(), event.getType(), stripeInvoiceId)) {
        return new Outcome(event.getId(), event.getType(), "replayed");
      }
      InvoiceStatus next = STATUS_BY_EVENT.get(event.getType());
      Optional<Invoice> invoice = stripeInvoiceId == null ? Optional.empty() : local(stripeInvoiceId, object);
      String outcome;
      if (next == null || !isInvoice) {
        outcome = "ignored";
      } else if (invoice.isEmpty()) {
        outcome = "unknown-invoice";
      } else {
        outcome = invoices.applyStripeStatus(invoice.get().id(), next, paidAt(object, event)) ? "applied" : "unchanged";
      }
      repository.eventOutcome(event.getId(), invoice.map(Invoice::id).orElse(null), outcome);
      return new Outcome(event.getId(), event.getType(), outcome);
    });
  }

  private Event verified(String payload, @Nullable String signature) {
    String secret = properties.webhookSecret();
    if (secret == null || secret.isBlank()) {
      throw new ErrorResponseException(HttpStatus.SERVICE_UNAVAILABLE);
    }
    if (signature == null || signature.isBlank()) {
      throw new InvalidSignatureException("The Stripe-Signature header is missing.");
    }
    Event event;
    try {
      event = Webhook.constructEvent(payload, signature, secret, properties.webhookTolerance().toSeconds(), clock);
    } catch (SignatureVerificationException e) {
      throw new InvalidSignatureException("The Stripe signature does not verify: " + e.getMessage());
    } catch (RuntimeException e) {
      throw new InvalidRequestException(List.of(new FieldProblem("body", "is not a Stripe event")));
    }
    if (event.getId() == null || event.getType() == null) {
      throw new InvalidRequestException(List.of(new FieldProblem("body", "is not a Stripe event: no id or type")));
    }
    return event;
  }

  /** The local invoice behind a Stripe invoice: by its stored Stripe id, else by the id in its metadata. */
  private Optional<Invoice> local(String stripeInvoiceId, JsonNode object) {
    Optional<Invoice> byStripeId = invoices.byStripeInvoiceId(stripeInvoiceId);
    if (byStripeId.isPresent()) {
      return byStripeId;
    }
    String flowgateId = object.path("metadata").path(StripeClientBilling.INVOICE_ID).asString(null);
    try {
      return flowgateId == null ? Optional.empty() : invoices.byId(UUID.fromString(flowgateId));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  private Instant paidAt(JsonNode object, Event event) {
    JsonNode paidAt = object.path("status_transitions").path("paid_at");
    if (paidAt.isNumber()) {
      return Instant.ofEpochSecond(paidAt.asLong());
    }
    return event.getCreated() == null ? clock.instant() : Instant.ofEpochSecond(event.getCreated());
  }
}
