/** Tenants: the organisations that sign up. */
@NullMarked
package dev.flowgate.portal.tenants;

import org.jspecify.annotations.NullMarked;
