package dev.flowgate.portal.audit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flowgate.contracts.EventCodec;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class AuditDiffTest {

  private static JsonNode json(String text) {
    return EventCodec.mapper().readTree(text.replace('\'', '"'));
  }

  @Test
  void changed_fields_are_listed_with_old_and_new_values_and_timestamps_ignored() {
    assertThat(AuditDiff.changes(json("{'name': 'a', 'retries': 0, 'updatedAt': 1}"),
        json("{'name': 'a', 'retries': 3, 'updatedAt': 2, 'healthCheckPath': '/h'}")))
        .containsExactly("retries: 0 → 3", "healthCheckPath: (none) → /h");
  }

  @Test
  void creation_and_deletion_are_named() {
    assertThat(AuditDiff.changes(null, json("{'a': 1}"))).containsExactly("created");
    assertThat(AuditDiff.changes(json("{'a': 1}"), null)).containsExactly("deleted");
  }
}
