package dev.flowgate.billing.alerts;

import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings under {@code flowgate.billing.alerts}.
 *
 * @param webhookUrl where alerts are POSTed; none configured → alerts are only stored and listed
 * @param signingSecret the HMAC secret of {@code Flowgate-Signature}; required with a webhook URL
 * @param retries further attempts after a failed delivery, with back-off doubling from {@code firstBackoff}
 * @param firstBackoff the pause before the first retry
 * @param timeout connect and read timeout of one delivery
 */
@ConfigurationProperties("flowgate.billing.alerts")
public record AlertProperties(
    @Nullable String webhookUrl,
    @Nullable String signingSecret,
    @DefaultValue("3") int retries,
    @DefaultValue("1s") Duration firstBackoff,
    @DefaultValue("5s") Duration timeout) {

  public AlertProperties {
    if (webhookUrl != null && webhookUrl.isBlank()) {
      webhookUrl = null;
    }
    if (webhookUrl != null && (signingSecret == null || signingSecret.isBlank())) {
      throw new IllegalArgumentException(
          "flowgate.billing.alerts.signing-secret (FLOWGATE_WEBHOOK_SIGNING_SECRET) is required with a webhook URL");
    }
  }
}
