/**
 * The workflow trigger policy: a route with {@code workflow_trigger} publishes a
 * {@code WorkflowTriggered} envelope to JetStream {@code workflow.triggers.{tenant}} and answers
 * with {@code X-Workflow-Execution-ID} and {@code X-Workflow-Status-Endpoint}: 202 at once
 * ({@code async}) or the upstream's answer ({@code passthrough}).
 */
@NullMarked
package dev.flowgate.gateway.workflow;

import org.jspecify.annotations.NullMarked;
