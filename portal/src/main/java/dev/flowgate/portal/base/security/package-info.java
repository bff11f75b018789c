/**
 * Filter chains: bearer management tokens for {@code /api/**} with the tenant roles of
 * {@link dev.flowgate.portal.base.security.Roles}, the internal token for {@code /internal/**},
 * actuator probes, and Vaadin form login for the UI (plus OIDC login when {@link
 * dev.flowgate.portal.base.security.OidcProperties} name a provider, whose session a logout then
 * ends too); plus the transaction manager that scopes each
 * tenant's transactions for PostgreSQL row-level security. Platform operators
 * ({@link dev.flowgate.portal.base.security.PlatformPrincipal}) belong to no tenant: their
 * transactions are unscoped and only {@code /api/v1/admin/**} and the admin views admit them.
 * A suspended tenant's callers may read but every write answers 403 {@code tenant-suspended}.
 * A tenant user's browser session ends at its next request once the password changed or the user
 * was disabled ({@link dev.flowgate.portal.base.security.SessionCredentialsFilter}).
 */
@NullMarked
package dev.flowgate.portal.base.security;

import org.jspecify.annotations.NullMarked;
