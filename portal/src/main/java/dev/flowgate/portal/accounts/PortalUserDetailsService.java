package dev.flowgate.portal.accounts;

import dev.flowgate.portal.base.security.PlatformScope;
import dev.flowgate.portal.admin.PlatformAccounts;
import dev.flowgate.portal.base.security.PlatformUser;
import dev.flowgate.portal.base.security.PortalUser;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Loads portal users for the login form: platform operators first (so no tenant account can
 * shadow a platform admin's email), then tenants' users.
 */
@Service
class PortalUserDetailsService implements UserDetailsService {

  private final UserAccountRepository users;
  private final LoginAttempts attempts;
  private final PlatformAccounts platform;

  PortalUserDetailsService(UserAccountRepository users, LoginAttempts attempts, PlatformAccounts platform) {
    this.users = users;
    this.attempts = attempts;
    this.platform = platform;
  }

  @Override
  @Transactional(readOnly = true, label = PlatformScope.LABEL) // an email may belong to any tenant
  public UserDetails loadUserByUsername(String email) {
    var operator = platform.findByEmail(email.strip());
    if (operator.isPresent()) {
      var a = operator.get();
      return new PlatformUser(a.id(), a.email(), a.passwordHash(), a.role(), !locked(a.email()));
    }
    return users.findByEmailIgnoreCase(email.strip())
        .map(u -> new PortalUser(u.getId(), u.getTenantId(), u.getEmail(), u.getPasswordHash(), u.getRole(),
            !u.isDisabled(), !locked(u.getEmail())))
        .orElseThrow(() -> new UsernameNotFoundException("no such user"));
  }

  /** Locked by failures on the account, or from the caller's address. */
  private boolean locked(String email) {
    if (attempts.isLocked(LoginAttempts.account(email))) {
      return true;
    }
    return RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes request
        && attempts.isLocked(LoginAttempts.address(request.getRequest().getRemoteAddr()));
  }
}
