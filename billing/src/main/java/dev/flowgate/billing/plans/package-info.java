/**
 * Plans: the catalogue (base price, included calls, overage per 1,000 calls, optional hard limit),
 * each tenant's plan history, the calendar-month billing period and the calls metered in it.
 */
@NullMarked
package dev.flowgate.billing.plans;

import org.jspecify.annotations.NullMarked;
