/** Audit records. */
@NullMarked
package dev.flowgate.contracts.audit;

import org.jspecify.annotations.NullMarked;
