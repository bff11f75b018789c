/**
 * Three filter chains: bearer management tokens for {@code /api/**}, the internal token for
 * {@code /internal/**}, and Vaadin form login for the UI.
 */
@NullMarked
package dev.flowgate.portal.base.security;

import org.jspecify.annotations.NullMarked;
