/**
 * The workflow definition model (the JSON DSL the designer edits), its validator, JSONata
 * expressions over the run context, the DAG planner, and {@link dev.flowgate.worker.dsl.DslWorkflow},
 * the one Temporal workflow that interprets every definition.
 */
@NullMarked
package dev.flowgate.worker.dsl;

import org.jspecify.annotations.NullMarked;
