package dev.flowgate.portal.admin;

import dev.flowgate.portal.accounts.PlatformMembers;
import dev.flowgate.portal.base.problems.NotFoundException;
import dev.flowgate.portal.base.security.PlatformPrincipal;
import dev.flowgate.portal.base.security.PlatformScope;
import dev.flowgate.portal.base.web.ETags;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A platform admin's change of a tenant's user through the API: role and disabled in one
 * transaction, under a lock on the user's row, so that an {@code If-Match} checked against the
 * current {@link AdminUserView} still holds when the change is written (a stale tag → 412, nothing
 * changed).
 */
@Service
class UserChanges {

  private final JdbcClient jdbc;
  private final TenantAdministration administration;
  private final PlatformMembers members;

  UserChanges(JdbcClient jdbc, TenantAdministration administration, PlatformMembers members) {
    this.jdbc = jdbc;
    this.administration = administration;
    this.members = members;
  }

  @Transactional(label = PlatformScope.LABEL)
  AdminUserView change(PlatformPrincipal admin, UUID id, @Nullable String ifMatch, @Nullable String role,
      @Nullable Boolean disabled) {
    jdbc.sql("select id from users where id = ? for update").param(id).query(UUID.class).optional()
        .orElseThrow(() -> new NotFoundException("user", id));
    ETags.requireMatch(ifMatch, administration.user(id));
    if (role != null) {
      members.changeRole(admin, id, role);
    }
    if (disabled != null) {
      members.setDisabled(admin, id, disabled);
    }
    return administration.user(id);
  }
}
