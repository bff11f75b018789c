package dev.flowgate.gateway.policies;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flowgate.contracts.EventCodec;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class PiiMaskerTest {

  private final PiiMasker detectors = PiiMasker.builtIn();

  @Test
  void emails_keep_their_first_letter_and_domain() {
    assertThat(detectors.maskText("write to jane.doe@example.com today")).isEqualTo("write to j***@example.com today");
  }

  @Test
  void text_with_an_at_sign_that_is_no_email_stays() {
    assertThat(detectors.maskText("meet @ noon, user@localhost")).isEqualTo("meet @ noon, user@localhost");
  }

  @Test
  void card_numbers_passing_luhn_keep_only_their_last_four_digits() {
    assertThat(detectors.maskText("card 4111 1111 1111 1111 ok")).isEqualTo("card **** **** **** 1111 ok");
    assertThat(detectors.maskText("5500000000000004")).isEqualTo("************0004");
  }

  @Test
  void a_sixteen_digit_number_failing_luhn_stays() {
    assertThat(detectors.maskText("order 4111111111111112")).isEqualTo("order 4111111111111112");
    assertThat(detectors.maskText("4111 1111 1111 1112")).isEqualTo("4111 1111 1111 1112");
  }

  @Test
  void ibans_passing_mod_97_keep_country_and_last_four() {
    assertThat(detectors.maskText("DE89370400440532013000")).isEqualTo("DE****************3000");
    assertThat(detectors.maskText("pay GB82 WEST 1234 5698 7654 32 now")).isEqualTo("pay GB** **** **** **** **54 32 now");
  }

  @Test
  void an_iban_shaped_string_failing_mod_97_stays() {
    assertThat(detectors.maskText("DE89370400440532013001")).isEqualTo("DE89370400440532013001");
  }

  @Test
  void phone_numbers_written_as_such_keep_their_last_two_digits() {
    assertThat(detectors.maskText("call +49 30 1234567")).isEqualTo("call +** ** *****67");
    assertThat(detectors.maskText("(555) 123-4567")).isEqualTo("(***) ***-**67");
    assertThat(detectors.maskText("555-123-4567")).isEqualTo("***-***-**67");
  }

  @Test
  void dates_ids_versions_and_short_numbers_are_not_phones() {
    assertThat(detectors.maskText("2024-01-15")).isEqualTo("2024-01-15");
    assertThat(detectors.maskText("2024-01-15T10:30:00Z")).isEqualTo("2024-01-15T10:30:00Z");
    assertThat(detectors.maskText("order 12345678")).isEqualTo("order 12345678");
    assertThat(detectors.maskText("v1.2.3 at 10.0.0.12")).isEqualTo("v1.2.3 at 10.0.0.12");
  }

  @Test
  void configured_fields_are_masked_by_name_anywhere_or_by_path_only_there() {
    PiiMasker masker = PiiMasker.forFields(List.of("ssn", "$.customer.birthDate"));
    byte[] json = """
        {"customer":{"ssn":"123-45-6789","birthDate":"1990-02-03","note":"mail x@y.org"},
         "items":[{"ssn":42,"birthDate":"2000-01-01"}]}""".getBytes(StandardCharsets.UTF_8);

    JsonNode masked = EventCodec.mapper().readTree(masker.maskJson(json));

    assertThat(masked.at("/customer/ssn").asString()).isEqualTo("****");
    assertThat(masked.at("/customer/birthDate").asString()).isEqualTo("****");
    assertThat(masked.at("/customer/note").asString()).isEqualTo("mail x***@y.org");
    assertThat(masked.at("/items/0/ssn").asString()).isEqualTo("****");
    assertThat(masked.at("/items/0/birthDate").asString()).isEqualTo("2000-01-01");
  }

  @Test
  void numbers_and_keys_are_left_alone_by_the_detectors() {
    byte[] json = "{\"4111111111111111\":4111111111111111}".getBytes(StandardCharsets.UTF_8);

    assertThat(new String(detectors.maskJson(json), StandardCharsets.UTF_8))
        .isEqualTo("{\"4111111111111111\":4111111111111111}");
  }

  @Test
  void a_body_that_is_not_json_is_masked_as_text() {
    assertThat(new String(detectors.maskJson("oops jane@example.com".getBytes(StandardCharsets.UTF_8)),
        StandardCharsets.UTF_8)).isEqualTo("oops j***@example.com");
  }

  @Test
  void the_luhn_and_mod_97_checks_are_right() {
    assertThat(PiiMasker.luhnValid("4012888888881881")).isTrue();
    assertThat(PiiMasker.luhnValid("4012888888881882")).isFalse();
    assertThat(PiiMasker.ibanValid("FR1420041010050500013M02606")).isTrue();
    assertThat(PiiMasker.ibanValid("FR1420041010050500013M02607")).isFalse();
  }
}
