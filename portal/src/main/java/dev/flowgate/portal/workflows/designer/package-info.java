/**
 * The visual workflow designer: {@link dev.flowgate.portal.workflows.designer.WorkflowDesigner},
 * a React Flow canvas that edits exactly the workflow DSL JSON, with the server's validation
 * errors shown on the steps and a test run's step states lighting them up.
 */
@NullMarked
package dev.flowgate.portal.workflows.designer;

import org.jspecify.annotations.NullMarked;
