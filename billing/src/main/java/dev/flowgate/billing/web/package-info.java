/** Web plumbing shared by the billing features: internal-token guard and problem details. */
@NullMarked
package dev.flowgate.billing.web;

import org.jspecify.annotations.NullMarked;
