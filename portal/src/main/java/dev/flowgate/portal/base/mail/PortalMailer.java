package dev.flowgate.portal.base.mail;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Properties;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

/**
 * Sends plain-text mails through the SMTP server of {@link PortalMailProperties}, synchronously,
 * so the caller knows whether the mail left (and can say so). The sender is built here rather than
 * from Spring's {@code spring.mail.*}, so an unset {@code FLOWGATE_SMTP_HOST} means "no mail" and
 * not a sender pointed at an empty host (as billing's AlertMailSender).
 */
@Component
public class PortalMailer {

  private final PortalMailProperties properties;
  private final JavaMailSenderImpl mail;

  public PortalMailer(PortalMailProperties properties) {
    this.properties = properties;
    this.mail = sender(properties);
  }

  /** Whether an SMTP server is configured at all. */
  public boolean configured() {
    return properties.configured();
  }

  /**
   * @param headers extra headers such as {@code Flowgate-Event}, for filtering on the receiving side
   * @throws MailFailedException when no server is configured or the server refused or could not be reached
   */
  public void send(String to, String subject, String body, Map<String, String> headers) {
    if (!configured()) {
      throw new MailFailedException("no SMTP server is configured (FLOWGATE_SMTP_HOST)", null);
    }
    try {
      MimeMessage message = mail.createMimeMessage();
      MimeMessageHelper helper = new MimeMessageHelper(message, false, StandardCharsets.UTF_8.name());
      helper.setFrom(new InternetAddress(properties.from()));
      helper.setTo(to);
      helper.setSubject(subject);
      helper.setText(body, false);
      for (Map.Entry<String, String> header : headers.entrySet()) {
        message.setHeader(header.getKey(), header.getValue());
      }
      mail.send(message);
    } catch (MailException | MessagingException e) {
      throw new MailFailedException(e.getClass().getSimpleName() + ": " + e.getMessage(), e);
    }
  }

  private static JavaMailSenderImpl sender(PortalMailProperties properties) {
    JavaMailSenderImpl sender = new JavaMailSenderImpl();
    if (properties.host() != null) {
      sender.setHost(properties.host());
    }
    sender.setPort(properties.port());
    sender.setUsername(properties.username());
    sender.setPassword(properties.password());
    sender.setDefaultEncoding(StandardCharsets.UTF_8.name());
    Properties smtp = sender.getJavaMailProperties();
    String timeout = String.valueOf(properties.timeout().toMillis());
    smtp.setProperty("mail.smtp.connectiontimeout", timeout);
    smtp.setProperty("mail.smtp.timeout", timeout);
    smtp.setProperty("mail.smtp.writetimeout", timeout);
    smtp.setProperty("mail.smtp.auth", String.valueOf(properties.username() != null));
    if (properties.startTls()) {
      smtp.setProperty("mail.smtp.starttls.enable", "true");
      smtp.setProperty("mail.smtp.starttls.required", "true");
    }
    return sender;
  }

  /** The mail did not leave: no server, or the server refused or could not be reached. */
  public static class MailFailedException extends RuntimeException {

    MailFailedException(String message, @org.jspecify.annotations.Nullable Throwable cause) {
      super(message, cause);
    }
  }
}
