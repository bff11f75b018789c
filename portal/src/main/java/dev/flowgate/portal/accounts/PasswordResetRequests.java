package dev.flowgate.portal.accounts;

import dev.flowgate.portal.base.config.PortalProperties;
import dev.flowgate.portal.base.mail.PortalMailer;
import dev.flowgate.portal.base.problems.InvalidInputException;
import dev.flowgate.portal.base.problems.NotConfiguredException;
import dev.flowgate.portal.base.problems.TooManyRequestsException;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * "Forgot password": throttles the request, asks {@link PasswordResets} for a link and mails it.
 * The caller learns nothing about whether the email has an account: the answer is the same, and the
 * mail leaves on a virtual thread so the answer takes as long either way. Throttled per email
 * ({@link #PER_EMAIL}) and per address ({@link #PER_ADDRESS}) within {@link #WINDOW}, counted for
 * every request, known email or not. Without an SMTP server there is no reset by mail at all.
 */
@Service
public class PasswordResetRequests {

  static final int PER_EMAIL = 3;
  static final int PER_ADDRESS = 10;
  static final Duration WINDOW = Duration.ofMinutes(15);
  private static final Pattern EMAIL = Pattern.compile("^[^@\\s]{1,64}@[^@\\s]+\\.[^@\\s]+$");
  private static final Logger log = LoggerFactory.getLogger(PasswordResetRequests.class);

  private final PasswordResets resets;
  private final PortalMailer mailer;
  private final PortalProperties properties;
  private final LoginAttempts perEmail;
  private final LoginAttempts perAddress;

  PasswordResetRequests(PasswordResets resets, PortalMailer mailer, PortalProperties properties, Clock clock) {
    this.resets = resets;
    this.mailer = mailer;
    this.properties = properties;
    this.perEmail = new LoginAttempts(clock, PER_EMAIL, WINDOW);
    this.perAddress = new LoginAttempts(clock, PER_ADDRESS, WINDOW);
  }

  /** Whether reset by mail is offered at all (an SMTP server is configured). */
  public boolean available() {
    return mailer.configured();
  }

  /**
   * Mails a reset link when the email has an account; answers the same either way.
   *
   * @param address the caller's IP, or null when unknown (then only the per-email limit applies)
   */
  public void request(@Nullable String rawEmail, @Nullable String address) {
    if (!available()) {
      throw new NotConfiguredException("Password reset by mail is not available here: ask an admin of your team to help");
    }
    String email = rawEmail == null ? "" : rawEmail.strip().toLowerCase(Locale.ROOT);
    if (email.length() > 254 || !EMAIL.matcher(email).matches()) {
      throw new InvalidInputException("email", "must be a valid email address");
    }
    String emailKey = LoginAttempts.account(email);
    String addressKey = address == null ? null : LoginAttempts.address(address);
    if (perEmail.isLocked(emailKey) || addressKey != null && perAddress.isLocked(addressKey)) {
      throw new TooManyRequestsException("Too many password reset requests; try again in "
          + WINDOW.toMinutes() + " minutes", WINDOW);
    }
    perEmail.failed(emailKey);
    if (addressKey != null) {
      perAddress.failed(addressKey);
    }
    resets.issue(email).ifPresent(issued ->
        Thread.ofVirtual().name("password-reset-mail-" + issued.userId()).start(() -> mail(issued)));
  }

  private void mail(PasswordResets.Issued issued) {
    String link = properties.linkBase() + "/reset-password/" + issued.token();
    String body = """
        Someone (hopefully you) asked to reset the password of your Flowgate account %s.

        Choose a new password here within %d minutes; the link works once:

        %s

        If you did not ask for this, ignore this mail: your password stays as it is.
        """.formatted(issued.email(), PasswordResets.VALIDITY.toMinutes(), link);
    try {
      mailer.send(issued.email(), "Reset your Flowgate password", body, Map.of("Flowgate-Event", "member.password_reset"));
    } catch (PortalMailer.MailFailedException e) {
      // the answer was already the same as for an unknown email; the person may ask again
      log.warn("The password reset link for user {} could not be mailed: {}", issued.userId(), e.getMessage());
    }
  }

  /** Sets the new password by the mailed link (works with or without mail configured: the link was mailed before). */
  public MemberView reset(@Nullable String token, @Nullable String password) {
    return resets.reset(token, password);
  }
}
