package dev.flowgate.portal.tokens;

import dev.flowgate.portal.accounts.UserAccountRepository;
import dev.flowgate.portal.base.security.TokenPrincipal;
import java.time.Clock;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** Issues management tokens and authenticates callers that present one. */
@Service
public class ManagementTokenService {

  private final ManagementTokenRepository tokens;
  private final UserAccountRepository users;
  private final Clock clock;

  ManagementTokenService(ManagementTokenRepository tokens, UserAccountRepository users, Clock clock) {
    this.tokens = tokens;
    this.users = users;
    this.clock = clock;
  }

  /** A new token for the user; the returned plain token is never stored and shown once. */
  @Transactional(propagation = Propagation.MANDATORY)
  public IssuedToken issue(UUID tenantId, UUID userId, String name) {
    String token = ManagementTokens.generate();
    ManagementToken saved = tokens.save(new ManagementToken(
        tenantId, userId, name, ManagementTokens.sha256(token), ManagementTokens.displayPrefix(token), clock.instant()));
    return new IssuedToken(saved.getId(), token);
  }

  @Transactional(readOnly = true)
  public Optional<TokenPrincipal> authenticate(String presented) {
    if (!ManagementTokens.looksLikeToken(presented)) {
      return Optional.empty();
    }
    return tokens.findByTokenHashAndRevokedAtIsNull(ManagementTokens.sha256(presented))
        .flatMap(t -> users.findById(t.getUserId())
            .filter(u -> u.getTenantId().equals(t.getTenantId()))
            .map(u -> new TokenPrincipal(t.getId(), u.getId(), t.getTenantId(), u.getEmail(), u.getRole())));
  }

  public record IssuedToken(UUID id, String token) {}
}
