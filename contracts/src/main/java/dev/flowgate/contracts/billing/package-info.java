/** Messages billing publishes for the data plane: a tenant's quota state. */
@NullMarked
package dev.flowgate.contracts.billing;

import org.jspecify.annotations.NullMarked;
