package dev.flowgate.portal.routing;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class OpenApiDocumentsTest {

  @ParameterizedTest
  @ValueSource(strings = {
      "openapi: 3.0.3\ninfo: {title: t, version: '1'}\npaths: {}",
      "openapi: 3.1.0\nwebhooks: {}",
      "openapi: 3.1\npaths: {}",
      "{\n\t\"openapi\": \"3.0.0\",\n\t\"paths\": {}\n}",
      "  {\"openapi\":\"3.1.1\"}"})
  void json_and_yaml_documents_of_openapi_3_are_accepted(String text) {
    assertThat(OpenApiDocuments.refusal(text)).isEmpty();
    assertThat(OpenApiDocuments.parse(text).path("openapi").asString()).startsWith("3.");
  }

  @ParameterizedTest
  @ValueSource(strings = {"swagger: '2.0'\npaths: {}", "openapi: 3", "openapi: '4.0.0'", "- openapi: 3.0.0", "{\"openapi\": ",
      "openapi: 3.0.3\npaths: [a]", "plain words"})
  void anything_else_is_refused_with_a_reason(String text) {
    assertThat(OpenApiDocuments.refusal(text)).isPresent();
  }

  @Test
  void a_document_over_one_mebibyte_is_refused_before_it_is_parsed() {
    String big = "openapi: 3.0.3\ninfo: {title: '" + "é".repeat(600 * 1024) + "'}";

    assertThat(OpenApiDocuments.refusal(big)).contains("must be at most 1 MiB");
  }
}
