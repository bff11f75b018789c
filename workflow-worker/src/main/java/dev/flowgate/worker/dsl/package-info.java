/**
 * The workflow definition model (the JSON DSL the designer edits) and the interpreting Temporal
 * workflow that runs a definition's steps by their {@code dependsOn} graph. Not built yet.
 */
@NullMarked
package dev.flowgate.worker.dsl;

import org.jspecify.annotations.NullMarked;
