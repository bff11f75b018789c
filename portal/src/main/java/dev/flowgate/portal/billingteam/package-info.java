/**
 * The billing team's area (platform role {@code billing-team}, and platform admins): revenue by
 * month, usage and invoices across tenants, one tenant's billing with plan changes and credits
 * (audited in the tenant's trail), and CSV exports streamed through from billing. The REST side is
 * {@code /api/v1/admin/billing/**}; the screens live under {@code /billing-team/...}.
 */
@NullMarked
package dev.flowgate.portal.billingteam;

import org.jspecify.annotations.NullMarked;
