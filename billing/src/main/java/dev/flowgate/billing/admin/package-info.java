/**
 * The billing team's view across tenants: revenue per month, usage and amounts due per tenant in
 * a period, all invoices filtered and paged, and CSV exports streamed from a database cursor.
 */
@NullMarked
package dev.flowgate.billing.admin;

import org.jspecify.annotations.NullMarked;
