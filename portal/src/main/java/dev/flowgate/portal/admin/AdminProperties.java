package dev.flowgate.portal.admin;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The first platform admin, created on a start when no platform admin exists yet
 * ({@code FLOWGATE_ADMIN_EMAIL}, {@code FLOWGATE_ADMIN_PASSWORD}); there is no default.
 */
@ConfigurationProperties("flowgate.admin")
public record AdminProperties(@Nullable String email, @Nullable String password) {

  boolean configured() {
    return email != null && !email.isBlank() && password != null && !password.isBlank();
  }

  @Override
  public String toString() {
    return "AdminProperties[email=" + email + ", password=[PROTECTED]]";
  }
}
