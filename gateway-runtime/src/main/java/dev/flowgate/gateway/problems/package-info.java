/** RFC 9457 problem details: one stable {@code type} per way a gateway call can fail. */
@NullMarked
package dev.flowgate.gateway.problems;

import org.jspecify.annotations.NullMarked;
