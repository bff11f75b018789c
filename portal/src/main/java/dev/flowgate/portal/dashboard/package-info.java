/** The landing page after sign-in. */
@NullMarked
package dev.flowgate.portal.dashboard;

import org.jspecify.annotations.NullMarked;
