/**
 * Plans and invoices: the portal forwards to billing's internal API for the caller's tenant, and
 * {@code BillingView} shows the plan, the running bill and the invoices (amounts via {@code Money}).
 */
@NullMarked
package dev.flowgate.portal.billing;

import org.jspecify.annotations.NullMarked;
