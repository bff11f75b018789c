package dev.flowgate.billing.invoices;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.scheduling.support.CronExpression;

/**
 * Settings under {@code flowgate.billing.invoices}.
 *
 * @param finalizeCron when the previous month is finalised (Spring cron with seconds, in UTC);
 *     the {@code @Scheduled} job reads the same property, this record checks it at start-up
 */
@ConfigurationProperties("flowgate.billing.invoices")
public record InvoiceProperties(@DefaultValue(InvoiceProperties.DEFAULT_FINALIZE_CRON) String finalizeCron) {

  /** 00:05 UTC on the 1st of each month. */
  public static final String DEFAULT_FINALIZE_CRON = "0 5 0 1 * *";

  public InvoiceProperties {
    if (!CronExpression.isValidExpression(finalizeCron)) {
      throw new IllegalArgumentException("flowgate.billing.invoices.finalize-cron is not a cron expression: " + finalizeCron);
    }
  }
}
