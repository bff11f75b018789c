package dev.flowgate.portal.base.mail;

import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings under {@code flowgate.portal.mail}, the same {@code FLOWGATE_SMTP_*} and
 * {@code FLOWGATE_MAIL_FROM} variables billing and the worker read.
 *
 * @param host the SMTP server (FLOWGATE_SMTP_HOST); none → the portal sends no mail: invitation
 *     links are shown to the inviter and password reset by mail is unavailable
 * @param port its port (FLOWGATE_SMTP_PORT)
 * @param username SMTP login, when the server wants one (FLOWGATE_SMTP_USERNAME)
 * @param password its password (FLOWGATE_SMTP_PASSWORD)
 * @param startTls whether to require STARTTLS on the connection (FLOWGATE_SMTP_STARTTLS)
 * @param from the sender address (FLOWGATE_MAIL_FROM)
 * @param timeout connect, read and write timeout of one SMTP conversation
 */
@ConfigurationProperties("flowgate.portal.mail")
public record PortalMailProperties(
    @Nullable String host,
    @DefaultValue("25") int port,
    @Nullable String username,
    @Nullable String password,
    @DefaultValue("false") boolean startTls,
    @DefaultValue("flowgate@localhost") String from,
    @DefaultValue("10s") Duration timeout) {

  public PortalMailProperties {
    host = host == null || host.isBlank() ? null : host.strip();
    username = username == null || username.isBlank() ? null : username;
    password = password == null || password.isEmpty() ? null : password;
    if (port < 1 || port > 65_535) {
      throw new IllegalArgumentException("flowgate.portal.mail.port (FLOWGATE_SMTP_PORT) must be 1-65535");
    }
  }

  /** No mail at all without a server. */
  public boolean configured() {
    return host != null;
  }
}
