package dev.flowgate.billing;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import dev.flowgate.billing.stripe.StripeTestConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

/**
 * The one Spring context every billing IT shares: the whole application on a random port against
 * the local PostgreSQL ({@code flowgate_test}), Kafka and Stripe stub (127.0.0.1:12111). Tests use
 * random tenants and never truncate tables; Stripe can be made unreachable per tenant, metering can
 * be made to crash after its commit, and usage alerts go to a local webhook receiver. Spans are kept
 * in memory ({@link TestSpans}).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(classes = BillingApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@Import({StripeTestConfiguration.class, BillingTestConfiguration.class, TestSpans.class})
public @interface BillingIntegrationTest {}
