package dev.flowgate.billing.alerts;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Properties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

/**
 * Mails a new alert to the configured recipients on a virtual thread, with the same retry rule as
 * the webhook: {@code retries} more attempts with doubling back-off, then the failure is recorded
 * on the alert. The sender is built from {@link AlertMailProperties} rather than Spring's
 * {@code spring.mail.*}, so an unset {@code FLOWGATE_SMTP_HOST} means "no mail" and not a sender
 * pointed at an empty host.
 */
@Component
class AlertMailSender {

  private static final Logger log = LoggerFactory.getLogger(AlertMailSender.class);

  private final AlertMailProperties properties;
  private final UsageAlertRepository repository;
  private final Clock clock;
  private final JavaMailSenderImpl mail;

  AlertMailSender(AlertMailProperties properties, UsageAlertRepository repository, Clock clock) {
    this.properties = properties;
    this.repository = repository;
    this.clock = clock;
    this.mail = mailSender(properties);
  }

  boolean configured() {
    return properties.configured();
  }

  /** Sends in the background (the alert row is committed by then or shortly after). */
  void deliver(UsageAlert alert) {
    if (configured()) {
      Thread.ofVirtual().name("usage-alert-mail-" + alert.id()).start(() -> attempt(alert));
    }
  }

  private void attempt(UsageAlert alert) {
    Duration backoff = properties.firstBackoff();
    String error = "not attempted";
    int attempts = 0;
    for (int i = 0; i <= properties.retries(); i++) {
      attempts++;
      try {
        mail.send(message(alert));
        repository.emailed(alert.id(), attempts, clock.instant());
        return;
      } catch (MailException | MessagingException e) {
        error = e.getClass().getSimpleName() + ": " + e.getMessage();
      }
      if (i < properties.retries()) {
        try {
          Thread.sleep(backoff);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return;
        }
        backoff = backoff.multipliedBy(2);
      }
    }
    log.warn("Usage alert {} of tenant {} could not be mailed: {}", alert.id(), alert.tenantId(), error);
    repository.emailFailed(alert.id(), attempts, error);
  }

  private MimeMessage message(UsageAlert alert) throws MessagingException {
    MimeMessage message = mail.createMimeMessage();
    MimeMessageHelper helper = new MimeMessageHelper(message, false, StandardCharsets.UTF_8.name());
    helper.setFrom(new InternetAddress(properties.from()));
    helper.setTo(properties.to().toArray(String[]::new));
    helper.setSubject(UsageAlertMail.subject(alert));
    helper.setText(UsageAlertMail.body(alert), false);
    message.setHeader("Flowgate-Event", "billing.usage_alert");
    message.setHeader("Flowgate-Alert-Id", alert.id().toString());
    return message;
  }

  private static JavaMailSenderImpl mailSender(AlertMailProperties properties) {
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
}
