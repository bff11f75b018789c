package dev.flowgate.portal.tokens;

import dev.flowgate.portal.accounts.UserAccountRepository;
import dev.flowgate.portal.audit.AuditTrail;
import dev.flowgate.portal.base.problems.InvalidInputException;
import dev.flowgate.portal.base.problems.NotFoundException;
import dev.flowgate.portal.base.security.Actor;
import dev.flowgate.portal.base.web.ETags;
import dev.flowgate.portal.base.security.TokenPrincipal;
import java.time.Instant;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
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
  private final AuditTrail audit;
  private final Clock clock;

  ManagementTokenService(ManagementTokenRepository tokens, UserAccountRepository users, AuditTrail audit, Clock clock) {
    this.tokens = tokens;
    this.users = users;
    this.audit = audit;
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
  public Page<TokenView> list(Actor actor, Pageable pageable) {
    return tokens.findAllByTenantId(actor.tenantId(), pageable).map(ManagementToken::view);
  }

  /** A new token for the acting user (a token acts as its user); the secret is in the answer only. */
  @Transactional
  public CreatedToken create(Actor actor, TokenRequest request) {
    String name = request.name() == null ? "" : request.name().strip();
    if (name.isEmpty() || name.length() > 100) {
      throw new InvalidInputException("name", "must be 1-100 characters");
    }
    if (actor.id() == null) {
      throw new InvalidInputException("actor", "only a user or a user's token can create tokens");
    }
    IssuedToken issued = issue(actor.tenantId(), actor.id(), name);
    TokenView view = tokens.findById(issued.id()).orElseThrow().view();
    audit.record(actor, "token.created", "token", view.id(), null, view);
    return new CreatedToken(view.id(), view.name(), view.prefix(), view.userId(), view.createdAt(), issued.token());
  }

  @Transactional(readOnly = true)
  public TokenView get(Actor actor, UUID id) {
    return find(actor, id).view();
  }

  /** Revokes at once: the next request with the token answers 401. Revoking twice is a no-op. */
  @Transactional
  public void revoke(Actor actor, UUID id) {
    revoke(actor, id, null);
  }

  /** @param ifMatch the token's ETag, or null; a stale one answers 412 and revokes nothing */
  @Transactional
  public void revoke(Actor actor, UUID id, @org.jspecify.annotations.Nullable String ifMatch) {
    ManagementToken token = find(actor, id);
    TokenView before = token.view();
    ETags.requireMatch(ifMatch, before);
    if (token.isRevoked()) {
      return;
    }
    token.revoke(clock.instant());
    tokens.saveAndFlush(token);
    audit.record(actor, "token.revoked", "token", id, before, token.view());
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

  private ManagementToken find(Actor actor, UUID id) {
    return tokens.findByIdAndTenantId(id, actor.tenantId()).orElseThrow(() -> new NotFoundException("token", id));
  }

  public record IssuedToken(UUID id, String token) {

    @Override
    public String toString() {
      return "IssuedToken[id=" + id + ", token=[PROTECTED]]";
    }
  }

  /** The answer to a create: the token's metadata and, this once, the token itself. */
  public record CreatedToken(UUID id, String name, String prefix, UUID userId, Instant createdAt, String token) {

    /** Without the token: Spring MVC logs response bodies by toString at DEBUG. */
    @Override
    public String toString() {
      return "CreatedToken[id=" + id + ", name=" + name + ", prefix=" + prefix + ", token=[PROTECTED]]";
    }
  }
}
