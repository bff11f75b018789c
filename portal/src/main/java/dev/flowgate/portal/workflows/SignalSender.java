package dev.flowgate.portal.workflows;

import dev.flowgate.portal.base.security.PortalUser;
import dev.flowgate.portal.base.security.TenantPrincipal;
import dev.flowgate.portal.base.security.TokenPrincipal;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;

/** Who sends a signal to a run, as the worker's approval steps check it (headers {@code Flowgate-Actor-*}). */
record SignalSender(@Nullable String actorId, @Nullable String role) {

  static final String ID_HEADER = "Flowgate-Actor-Id";
  static final String ROLE_HEADER = "Flowgate-Actor-Role";

  static SignalSender of(TenantPrincipal principal) {
    String id = principal.actor().id() == null ? null : String.valueOf(principal.actor().id());
    String role = switch (principal) {
      case PortalUser user -> user.role();
      case TokenPrincipal token -> token.role();
      default -> null;
    };
    return new SignalSender(id, role);
  }

  void writeTo(HttpHeaders headers) {
    if (actorId != null) {
      headers.set(ID_HEADER, actorId);
    }
    if (role != null) {
      headers.set(ROLE_HEADER, role);
    }
  }
}
