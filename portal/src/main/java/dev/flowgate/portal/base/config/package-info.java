/** Settings shared by every feature of the portal. */
@NullMarked
package dev.flowgate.portal.base.config;

import org.jspecify.annotations.NullMarked;
