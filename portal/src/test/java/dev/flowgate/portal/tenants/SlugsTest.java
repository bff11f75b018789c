package dev.flowgate.portal.tenants;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SlugsTest {

  @Test
  void slugs_are_lower_case_ascii_words_joined_by_dashes() {
    assertThat(Slugs.of("Acme GmbH & Co.")).isEqualTo("acme-gmbh-co");
    assertThat(Slugs.of("  Café Müller ")).isEqualTo("cafe-muller");
  }

  @Test
  void names_without_letters_or_digits_still_get_a_slug() {
    assertThat(Slugs.of("!!")).isEqualTo("org");
  }

  @Test
  void long_names_are_cut_without_a_trailing_dash() {
    assertThat(Slugs.of("a".repeat(39) + " bcdef")).hasSizeLessThanOrEqualTo(40).doesNotEndWith("-");
  }
}
