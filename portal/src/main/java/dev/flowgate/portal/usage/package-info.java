/** Usage: the portal asks billing, which meters every call. */
@NullMarked
package dev.flowgate.portal.usage;

import org.jspecify.annotations.NullMarked;
