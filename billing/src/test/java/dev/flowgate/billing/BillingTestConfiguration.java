package dev.flowgate.billing;

import dev.flowgate.billing.alerts.AlertProperties;
import java.time.Duration;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/** Test seams of the shared IT context: a crash after the metering commit, a usage-alert webhook receiver. */
@TestConfiguration(proxyBeanMethods = false)
public class BillingTestConfiguration {

  public static final String ALERT_SECRET = "alert-signing-secret-it";

  @Bean
  MeteringCrash meteringCrash() {
    return new MeteringCrash();
  }

  @Bean(destroyMethod = "close")
  AlertSink alertSink() {
    return new AlertSink();
  }

  @Bean
  @Primary
  AlertProperties testAlertProperties(AlertSink sink) {
    return new AlertProperties(sink.url(), ALERT_SECRET, 3, Duration.ofMillis(200), Duration.ofSeconds(2));
  }
}
