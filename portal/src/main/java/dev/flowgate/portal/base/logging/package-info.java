/** What every log line of a request carries: its request id and, once known, the tenant and actor. */
@NullMarked
package dev.flowgate.portal.base.logging;

import org.jspecify.annotations.NullMarked;
