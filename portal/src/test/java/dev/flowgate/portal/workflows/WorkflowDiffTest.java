package dev.flowgate.portal.workflows;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flowgate.contracts.EventCodec;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class WorkflowDiffTest {

  private static JsonNode json(String text) {
    return EventCodec.mapper().readTree(text.replace('\'', '"'));
  }

  @Test
  void nested_config_changes_are_named_by_path_and_arrays_compare_whole() {
    JsonNode from = json("{'name':'a','steps':[{'id':'x','type':'webhook','config':{'url':'u1','timeoutMs':5},'retry':{'maxAttempts':3}},"
        + "{'id':'y','type':'delay','dependsOn':['x']}]}");
    JsonNode to = json("{'name':'b','steps':[{'id':'x','type':'webhook','config':{'url':'u2','timeoutMs':5}},"
        + "{'id':'y','type':'delay','dependsOn':['x','z']},{'id':'z','type':'parallel'}]}");

    WorkflowDiff diff = WorkflowDiff.between(UUID.randomUUID(), 1, from, 2, to);

    assertThat(diff.definition()).extracting(WorkflowDiff.FieldChange::path).containsExactly("name");
    assertThat(diff.added()).containsExactly("z");
    assertThat(diff.removed()).isEmpty();
    assertThat(diff.changed()).extracting(WorkflowDiff.StepChange::step).containsExactly("x", "y");
    assertThat(diff.changed().get(0).fields()).extracting(WorkflowDiff.FieldChange::path).containsExactly("config.url", "retry");
    assertThat(diff.changed().get(0).fields().get(1).to()).isNull();
    assertThat(diff.changed().get(1).fields()).extracting(WorkflowDiff.FieldChange::path).containsExactly("dependsOn");
  }

  @Test
  void identical_versions_have_no_changes() {
    JsonNode definition = json("{'name':'a','steps':[{'id':'x','type':'delay','config':{'seconds':1}}]}");

    WorkflowDiff diff = WorkflowDiff.between(UUID.randomUUID(), 1, definition, 1, definition);

    assertThat(diff.definition()).isEmpty();
    assertThat(diff.added()).isEmpty();
    assertThat(diff.removed()).isEmpty();
    assertThat(diff.changed()).isEmpty();
  }
}
