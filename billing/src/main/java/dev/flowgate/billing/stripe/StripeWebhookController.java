package dev.flowgate.billing.stripe;

import io.micrometer.core.instrument.MeterRegistry;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/** {@code POST /webhooks/stripe}: public, authenticated by the Stripe signature alone. */
@RestController
class StripeWebhookController {

  private final StripeWebhookService webhooks;
  private final MeterRegistry meters;

  StripeWebhookController(StripeWebhookService webhooks, MeterRegistry meters) {
    this.webhooks = webhooks;
    this.meters = meters;
  }

  @PostMapping("/webhooks/stripe")
  StripeWebhookService.Outcome receive(@RequestBody String payload,
      @RequestHeader(name = "Stripe-Signature", required = false) @Nullable String signature) {
    StripeWebhookService.Outcome outcome = webhooks.receive(payload, signature);
    meters.counter("flowgate.billing.stripe.webhooks", "outcome", outcome.outcome()).increment();
    return outcome;
  }
}
