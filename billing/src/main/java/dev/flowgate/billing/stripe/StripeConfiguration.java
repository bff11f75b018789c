package dev.flowgate.billing.stripe;

import com.stripe.StripeClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The Stripe client: the local stub unless {@code STRIPE_API_KEY} is set. */
@Configuration(proxyBeanMethods = false)
class StripeConfiguration {

  private static final Logger log = LoggerFactory.getLogger(StripeConfiguration.class);

  @Bean
  StripeBilling stripeBilling(StripeProperties properties) {
    return new StripeClientBilling(client(properties), properties.daysUntilDue());
  }

  static StripeClient client(StripeProperties properties) {
    StripeClient.StripeClientBuilder builder = StripeClient.builder()
        .setApiKey(properties.effectiveApiKey())
        .setConnectTimeout((int) properties.connectTimeout().toMillis())
        .setReadTimeout((int) properties.readTimeout().toMillis())
        .setMaxNetworkRetries(0);
    String base = properties.effectiveApiBase();
    if (base != null) {
      builder.setApiBase(base);
    }
    log.info("Stripe: {}", properties.usesStub() ? "local stub at " + base : "API key set" + (base == null ? "" : ", base " + base));
    return builder.build();
  }
}
