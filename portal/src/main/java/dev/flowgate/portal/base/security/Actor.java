package dev.flowgate.portal.base.security;

import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Who acts, on behalf of which tenant; every tenant-scoped service method takes one.
 *
 * @param type {@code user}, {@code token} or {@code system}
 */
public record Actor(UUID tenantId, @Nullable UUID id, String type) {

  public static Actor user(UUID tenantId, UUID userId) {
    return new Actor(tenantId, userId, "user");
  }

  public static Actor system(UUID tenantId) {
    return new Actor(tenantId, null, "system");
  }
}
