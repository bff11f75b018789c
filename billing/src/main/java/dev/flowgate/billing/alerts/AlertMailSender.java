package dev.flowgate.billing.alerts;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

/**
 * Mails a new alert on a virtual thread to the configured addresses (the billing team's copy, every
 * alert) and, unless switched off, to the tenant's billing contacts from the portal: one message per
 * address, so no recipient sees another's address, and each address once however often it appears.
 * A failed attempt is repeated {@code retries} times with doubling back-off, for the addresses not
 * yet mailed and, when the portal did not answer, for the contacts lookup; the configured addresses
 * are mailed meanwhile, so a portal outage never holds back the team's copy. What still failed
 * after the last attempt is recorded on the alert (the alert itself is stored and listed regardless).
 * The sender is built from {@link AlertMailProperties} rather than Spring's {@code spring.mail.*},
 * so an unset {@code FLOWGATE_SMTP_HOST} means "no mail" and not a sender pointed at an empty host.
 */
@Component
class AlertMailSender {

  private static final Logger log = LoggerFactory.getLogger(AlertMailSender.class);

  private final AlertMailProperties properties;
  private final BillingContacts contacts;
  private final UsageAlertRepository repository;
  private final Clock clock;
  private final JavaMailSenderImpl mail;

  AlertMailSender(AlertMailProperties properties, BillingContacts contacts, UsageAlertRepository repository,
      Clock clock) {
    this.properties = properties;
    this.contacts = contacts;
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
    AlertRecipients recipients = new AlertRecipients(properties.to(), !properties.tenantRecipients());
    Duration backoff = properties.firstBackoff();
    String error = "not attempted";
    int attempts = 0;
    for (int i = 0; i <= properties.retries(); i++) {
      attempts++;
      error = sendPending(alert, recipients, attempts == 1);
      if (error == null) {
        if (recipients.mailedNone()) {
          repository.emailFailed(alert.id(), attempts, "no recipients: no configured address and no active owner "
              + "or billing member in the tenant");
        } else {
          repository.emailed(alert.id(), attempts, clock.instant());
        }
        return;
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
    log.warn("Usage alert {} of tenant {} could not be mailed to everyone: {}", alert.id(), alert.tenantId(), error);
    repository.emailFailed(alert.id(), attempts, error);
  }

  /** One attempt: looks the contacts up if still unknown, mails every address not mailed yet; null when all done. */
  private @Nullable String sendPending(UsageAlert alert, AlertRecipients recipients, boolean first) {
    List<String> problems = new ArrayList<>();
    if (!recipients.contactsKnown()) {
      try {
        recipients.addContacts(contacts.emails(alert.tenantId()));
      } catch (BillingContacts.UnavailableException e) {
        problems.add("tenant billing contacts unavailable: " + e.getMessage());
        if (first) {
          log.warn("Billing contacts of tenant {} unavailable for usage alert {} ({}); mailing the configured "
              + "addresses now, asking again on retry", alert.tenantId(), alert.id(), e.getMessage());
        }
      }
    }
    for (String address : recipients.pending()) {
      try {
        mail.send(message(alert, address));
        recipients.mailed(address);
      } catch (MailException | MessagingException e) {
        problems.add(address + ": " + e.getClass().getSimpleName() + ": " + e.getMessage());
      }
    }
    return problems.isEmpty() ? null : String.join("; ", problems);
  }

  private MimeMessage message(UsageAlert alert, String to) throws MessagingException {
    MimeMessage message = mail.createMimeMessage();
    MimeMessageHelper helper = new MimeMessageHelper(message, false, StandardCharsets.UTF_8.name());
    helper.setFrom(new InternetAddress(properties.from()));
    helper.setTo(new InternetAddress(to, true));
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
