/**
 * The platform's admin area, for platform operators who belong to no tenant: the platform roles
 * ({@code platform-admin}, {@code billing-team}), the first admin from configuration, tenant search,
 * suspension and reinstatement, and users across tenants (API and Vaadin view).
 */
@NullMarked
package dev.flowgate.portal.admin;

import org.jspecify.annotations.NullMarked;
