package dev.flowgate.portal.accounts;

import dev.flowgate.portal.base.security.PortalUser;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/** Loads portal users for the login form. */
@Service
class PortalUserDetailsService implements UserDetailsService {

  private final UserAccountRepository users;
  private final LoginAttempts attempts;

  PortalUserDetailsService(UserAccountRepository users, LoginAttempts attempts) {
    this.users = users;
    this.attempts = attempts;
  }

  @Override
  @Transactional(readOnly = true)
  public UserDetails loadUserByUsername(String email) {
    return users.findByEmailIgnoreCase(email.strip())
        .map(u -> new PortalUser(u.getId(), u.getTenantId(), u.getEmail(), u.getPasswordHash(), u.getRole(),
            !locked(u.getEmail())))
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
