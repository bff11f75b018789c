package dev.flowgate.portal.signup;

import java.util.UUID;

/** The new tenant, its owner and a management token shown this once. */
public record SignupResult(TenantView tenant, UserView user, String managementToken) {

  /** Without the token: Spring MVC logs response bodies by toString at DEBUG. */
  @Override
  public String toString() {
    return "SignupResult[tenant=" + tenant + ", user=" + user + ", managementToken=[PROTECTED]]";
  }

  public record TenantView(UUID id, String slug, String name) {}

  public record UserView(UUID id, String email, String role) {}
}
