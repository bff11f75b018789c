package dev.flowgate.billing.stripe;

import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings under {@code flowgate.billing.stripe}. Without an API key billing talks to the local
 * Stripe-compatible stub.
 *
 * @param apiKey {@code STRIPE_API_KEY}; blank means the local stub
 * @param apiBase {@code STRIPE_API_BASE}; blank means the stub at {@value #STUB_API_BASE} without a
 *     key and Stripe itself with one
 * @param webhookSecret {@code STRIPE_WEBHOOK_SECRET}; webhooks are refused while it is blank
 * @param webhookTolerance how old a webhook signature may be
 * @param syncRetryInterval pause between retries of invoices Stripe has not taken yet; the
 *     {@code @Scheduled} job reads the same property
 * @param daysUntilDue payment terms of the invoices created on Stripe
 */
@ConfigurationProperties("flowgate.billing.stripe")
public record StripeProperties(
    @Nullable String apiKey,
    @Nullable String apiBase,
    @Nullable String webhookSecret,
    @DefaultValue("300s") Duration webhookTolerance,
    @DefaultValue("PT1M") Duration syncRetryInterval,
    @DefaultValue("2s") Duration connectTimeout,
    @DefaultValue("10s") Duration readTimeout,
    @DefaultValue("30") long daysUntilDue) {

  static final String STUB_API_BASE = "http://127.0.0.1:12111";
  static final String STUB_API_KEY = "sk_test_flowgate_local_stub";

  boolean usesStub() {
    return apiKey == null || apiKey.isBlank();
  }

  String effectiveApiKey() {
    return usesStub() ? STUB_API_KEY : apiKey;
  }

  /** The API base to set on the client, or null for Stripe's own. */
  @Nullable String effectiveApiBase() {
    if (apiBase != null && !apiBase.isBlank()) {
      return apiBase;
    }
    return usesStub() ? STUB_API_BASE : null;
  }
}
