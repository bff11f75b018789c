package dev.flowgate.portal.accounts;

import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Password reset by mailed link (public). Asking answers 202 whether or not the email has an
 * account; 429 when throttled, 503 {@code not-configured} without an SMTP server.
 */
@RestController
class PasswordResetsController {

  private final PasswordResetRequests resets;

  PasswordResetsController(PasswordResetRequests resets) {
    this.resets = resets;
  }

  record ResetRequest(@Nullable String email) {}

  record Requested(String detail) {}

  record NewPassword(@Nullable String password) {

    /** Not the password: Spring MVC logs request bodies by toString at DEBUG. */
    @Override
    public String toString() {
      return "NewPassword[password=[PROTECTED]]";
    }
  }

  @PostMapping("/api/v1/password-resets")
  @ResponseStatus(HttpStatus.ACCEPTED)
  Requested request(@RequestBody ResetRequest request, HttpServletRequest http) {
    resets.request(request.email(), http.getRemoteAddr());
    return new Requested("If an account has this email, a link to reset its password is on its way; it works once, for "
        + PasswordResets.VALIDITY.toMinutes() + " minutes.");
  }

  /** Unknown, used or expired link → 404; a password breaking the sign-up rules → 400. */
  @PostMapping("/api/v1/password-resets/{token}")
  @ResponseStatus(HttpStatus.NO_CONTENT)
  void reset(@PathVariable String token, @RequestBody NewPassword request) {
    resets.reset(token, request.password());
  }
}
