package dev.flowgate.billing.alerts;

import java.time.Duration;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings under {@code flowgate.billing.alerts.mail}: usage alerts by email.
 *
 * @param host the SMTP server; none → no mails (alerts are still stored, listed and sent to the webhook)
 * @param port its port
 * @param username SMTP login, when the server wants one
 * @param password its password
 * @param startTls whether to upgrade the connection with STARTTLS (required when set)
 * @param from the sender address
 * @param to who receives every alert (the platform's billing or operations mailbox, a copy for the billing team)
 * @param retries further attempts after a failed send, with back-off doubling from {@code firstBackoff}
 * @param firstBackoff the pause before the first retry
 * @param timeout connect and read timeout of one SMTP conversation
 * @param tenantRecipients whether the tenant's own owners and billing members (asked from the portal)
 *     receive its alerts too, as a billing provider's customers expect; off → only {@code to}
 */
@ConfigurationProperties("flowgate.billing.alerts.mail")
public record AlertMailProperties(
    @Nullable String host,
    @DefaultValue("25") int port,
    @Nullable String username,
    @Nullable String password,
    @DefaultValue("false") boolean startTls,
    @DefaultValue("flowgate@localhost") String from,
    @DefaultValue List<String> to,
    @DefaultValue("3") int retries,
    @DefaultValue("1s") Duration firstBackoff,
    @DefaultValue("10s") Duration timeout,
    @DefaultValue("true") boolean tenantRecipients) {

  public AlertMailProperties {
    host = host == null || host.isBlank() ? null : host.strip();
    username = username == null || username.isBlank() ? null : username;
    to = to.stream().map(String::strip).filter(address -> !address.isEmpty()).toList();
    if (port < 1 || port > 65_535) {
      throw new IllegalArgumentException("flowgate.billing.alerts.mail.port (FLOWGATE_SMTP_PORT) must be 1-65535");
    }
  }

  /** Mails go out only with both a server and someone to send them to. */
  public boolean configured() {
    return host != null && (!to.isEmpty() || tenantRecipients);
  }
}
