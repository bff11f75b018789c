/**
 * Usage reads: the internal {@code GET /internal/v1/usage} API over the hourly aggregates, rolled
 * up by hour or UTC day and grouped by nothing, key or route.
 */
@NullMarked
package dev.flowgate.billing.usage;

import org.jspecify.annotations.NullMarked;
