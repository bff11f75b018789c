package dev.flowgate.portal.accounts;

import dev.flowgate.portal.base.security.PlatformScope;
import dev.flowgate.portal.base.security.PortalUser;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Whether a signed-in browser session of a tenant's user still stands: the user exists, is not
 * disabled, and has the password the session signed in with. A password reset or an admin
 * disabling the user thus ends the user's other sessions at their next request, on every replica,
 * from the users row alone (no session store shared between replicas).
 */
@Service
public class SessionCredentials {

  private final UserAccountRepository users;

  SessionCredentials(UserAccountRepository users) {
    this.users = users;
  }

  @Transactional(readOnly = true, label = PlatformScope.LABEL) // before any tenant scope is chosen
  public boolean stillValid(UUID userId, String credentialsStamp) {
    return users.findById(userId)
        .filter(u -> !u.isDisabled())
        .map(u -> PortalUser.credentialsStamp(u.getPasswordHash()).equals(credentialsStamp))
        .orElse(false);
  }
}
