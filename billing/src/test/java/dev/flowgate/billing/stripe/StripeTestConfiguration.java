package dev.flowgate.billing.stripe;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/** Puts {@link SwitchableStripeBilling} in front of the real Stripe port in the shared IT context. */
@TestConfiguration(proxyBeanMethods = false)
public class StripeTestConfiguration {

  @Bean
  @Primary
  SwitchableStripeBilling switchableStripeBilling(StripeProperties properties) {
    return new SwitchableStripeBilling(
        new StripeClientBilling(StripeConfiguration.client(properties), properties.daysUntilDue()));
  }
}
