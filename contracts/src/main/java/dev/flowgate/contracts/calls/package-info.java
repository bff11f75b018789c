/** Records of calls made through the gateway. */
@NullMarked
package dev.flowgate.contracts.calls;

import org.jspecify.annotations.NullMarked;
