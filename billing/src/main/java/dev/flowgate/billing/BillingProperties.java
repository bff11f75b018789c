package dev.flowgate.billing;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings under {@code flowgate.billing}.
 *
 * @param internalToken bearer token every {@code /internal/**} caller presents; required
 * @param metering where and how api-call records are consumed
 */
@ConfigurationProperties("flowgate.billing")
public record BillingProperties(String internalToken, @DefaultValue Metering metering) {

  public BillingProperties {
    if (internalToken == null || internalToken.isBlank()) {
      throw new IllegalArgumentException(
          "flowgate.billing.internal-token (FLOWGATE_INTERNAL_TOKEN) is required");
    }
  }

  /**
   * @param topic the api-call topic
   * @param deadLetterTopic where records that cannot be processed after {@code attempts} go
   * @param attempts deliveries of a failing record before it is dead-lettered
   * @param retryInterval pause between those deliveries
   * @param rawRetention how long raw api-call rows are kept; aggregates are kept forever
   * @param lateWindow a call this late or less counts in its own hour; a later one in the hour it
   *     arrives, so closed periods do not change
   */
  public record Metering(
      @DefaultValue("api.calls") String topic,
      @DefaultValue("api.calls.dlq") String deadLetterTopic,
      @DefaultValue("3") int attempts,
      @DefaultValue("1s") Duration retryInterval,
      @DefaultValue("90d") Duration rawRetention,
      @DefaultValue("24h") Duration lateWindow) {}
}
