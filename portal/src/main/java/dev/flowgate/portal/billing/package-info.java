/** Plans and invoices: the portal forwards to billing's internal API for the caller's tenant. */
@NullMarked
package dev.flowgate.portal.billing;

import org.jspecify.annotations.NullMarked;
