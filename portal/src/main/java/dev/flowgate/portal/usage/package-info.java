/** Usage: the portal asks billing, which meters every call; {@code UsageView} shows it by key or route name. */
@NullMarked
package dev.flowgate.portal.usage;

import org.jspecify.annotations.NullMarked;
