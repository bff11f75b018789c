/** Workflow triggers and signals. */
@NullMarked
package dev.flowgate.contracts.workflow;

import org.jspecify.annotations.NullMarked;
