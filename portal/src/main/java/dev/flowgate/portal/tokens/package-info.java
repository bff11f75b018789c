/** Management tokens: bearer credentials for the management API. */
@NullMarked
package dev.flowgate.portal.tokens;

import org.jspecify.annotations.NullMarked;
