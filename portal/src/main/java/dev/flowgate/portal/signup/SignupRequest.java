package dev.flowgate.portal.signup;

import org.jspecify.annotations.Nullable;

/** What a new tenant's first user submits. Checked by {@link SignupService}, shared by API and UI. */
public record SignupRequest(@Nullable String email, @Nullable String password, @Nullable String organization) {

  /** Without the password: Spring MVC logs request bodies by toString at DEBUG. */
  @Override
  public String toString() {
    return "SignupRequest[email=" + email + ", password=[PROTECTED], organization=" + organization + "]";
  }
}
