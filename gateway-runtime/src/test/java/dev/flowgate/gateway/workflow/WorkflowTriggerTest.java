package dev.flowgate.gateway.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flowgate.contracts.EventCodec;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class WorkflowTriggerTest {

  private static final UUID WORKFLOW = UUID.randomUUID();
  private static final UUID TRIGGER = UUID.randomUUID();

  @Test
  void aPinnedVersionAndTheTriggerIdReachTheTriggeredRun() {
    WorkflowTrigger trigger = WorkflowTrigger.parse(EventCodec.mapper().readTree("""
        {"workflowId":"%s","mode":"passthrough","workflowVersion":3,"triggerId":"%s","inputTemplate":{"a":1}}"""
        .formatted(WORKFLOW, TRIGGER)));

    assertThat(trigger).isNotNull();
    assertThat(trigger.workflowVersion()).isEqualTo(3);
    assertThat(trigger.triggerId()).isEqualTo(TRIGGER);
    assertThat(trigger.passthrough()).isTrue();
  }

  @Test
  void withoutAVersionTheCurrentOneRuns() {
    WorkflowTrigger trigger = WorkflowTrigger.parse(EventCodec.mapper().readTree("""
        {"workflowId":"%s","workflowVersion":null}""".formatted(WORKFLOW)));

    assertThat(trigger).isNotNull();
    assertThat(trigger.workflowVersion()).isNull();
    assertThat(trigger.triggerId()).isNull();
    assertThat(trigger.passthrough()).isFalse();
  }

  @Test
  void anUnknownModeOrABadIdMakesThePolicyUnusable() {
    assertThat(WorkflowTrigger.parse(EventCodec.mapper().readTree("""
        {"workflowId":"%s","mode":"sometimes"}""".formatted(WORKFLOW)))).isNull();
    assertThat(WorkflowTrigger.parse(EventCodec.mapper().readTree("""
        {"workflowId":"%s","triggerId":"not-a-uuid"}""".formatted(WORKFLOW)))).isNull();
  }
}
