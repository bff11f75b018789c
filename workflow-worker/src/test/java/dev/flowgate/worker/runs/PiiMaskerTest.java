package dev.flowgate.worker.runs;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PiiMaskerTest {

  @Test
  void sensitive_keys_and_email_addresses_are_masked_at_any_depth() {
    Object masked = PiiMasker.mask(Map.of(
        "user", Map.of("email", "ada.lovelace@example.com", "password", "hunter2", "name", "Ada"),
        "headers", Map.of("Authorization", "Bearer abc", "x-api-key", "k"),
        "notes", List.of("write to bob@example.org please", 42)));

    assertThat(masked).isEqualTo(Map.of(
        "user", Map.of("email", "a***@example.com", "password", "***", "name", "Ada"),
        "headers", Map.of("Authorization", "***", "x-api-key", "***"),
        "notes", List.of("write to b***@example.org please", 42)));
  }

  @Test
  void plain_values_pass_unchanged() {
    assertThat(PiiMasker.mask("hello")).isEqualTo("hello");
    assertThat(PiiMasker.mask(7)).isEqualTo(7);
    assertThat(PiiMasker.mask(null)).isNull();
  }
}
