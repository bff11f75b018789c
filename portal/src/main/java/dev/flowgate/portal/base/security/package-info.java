/**
 * Filter chains: bearer management tokens for {@code /api/**} with the tenant roles of
 * {@link dev.flowgate.portal.base.security.Roles}, the internal token for {@code /internal/**},
 * actuator probes, and Vaadin form login for the UI; plus the transaction manager that scopes each
 * tenant's transactions for PostgreSQL row-level security.
 */
@NullMarked
package dev.flowgate.portal.base.security;

import org.jspecify.annotations.NullMarked;
