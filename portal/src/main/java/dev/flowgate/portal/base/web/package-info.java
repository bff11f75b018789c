/**
 * What every REST endpoint shares: page shapes with {@code Link} headers, ETags for conditional
 * updates, {@code Idempotency-Key} on creates, and the generated OpenAPI document.
 */
@NullMarked
package dev.flowgate.portal.base.web;

import org.jspecify.annotations.NullMarked;
