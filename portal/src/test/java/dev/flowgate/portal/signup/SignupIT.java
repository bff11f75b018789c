package dev.flowgate.portal.signup;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flowgate.portal.Api;
import dev.flowgate.portal.PortalIT;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

class SignupIT extends PortalIT {


  @Test
  void sign_up_creates_tenant_owner_and_a_working_management_token() {
    String email = "Ada-" + UUID.randomUUID() + "@Example.com";
    Api.Response response = api.post("/api/v1/signup", null,
        Map.of("email", email, "password", "correct horse battery", "organization", "Analytical Engines Ltd"));

    assertThat(response.status()).as(response.raw()).isEqualTo(201);
    JsonNode body = response.json();
    assertThat(body.path("tenant").path("slug").asString()).startsWith("analytical-engines-ltd");
    assertThat(body.path("tenant").path("name").asString()).isEqualTo("Analytical Engines Ltd");
    assertThat(body.path("user").path("email").asString()).isEqualTo(email.toLowerCase());
    assertThat(body.path("user").path("role").asString()).isEqualTo("owner");
    String token = body.path("managementToken").asString();
    assertThat(token).matches("fgm_[0-9A-Za-z]{40}");

    assertThat(api.get("/api/v1/services", token).status()).isEqualTo(200);
    assertThat(api.get("/api/v1/services", "fgm_" + "x".repeat(40)).status()).isEqualTo(401);
    String hash = jdbc.sql("select password_hash from users where lower(email) = lower(?)").param(email).query(String.class).single();
    assertThat(hash).startsWith("$argon2id$");
  }

  @Test
  void invalid_sign_up_answers_400_with_field_errors_and_writes_nothing() {
    String email = "bad-" + UUID.randomUUID() + "@example.com";
    long tenantsBefore = jdbc.sql("select count(*) from tenants").query(Long.class).single();

    Api.Response response = api.post("/api/v1/signup", null,
        Map.of("email", "not-an-email", "password", "short", "organization", "X"));

    assertThat(response.status()).isEqualTo(400);
    assertThat(response.header("Content-Type")).startsWith("application/problem+json");
    assertThat(response.json().path("type").asString()).isEqualTo("https://flowgate.dev/problems/validation-error");
    assertThat(response.json().path("errors").valueStream().map(e -> e.path("field").asString()))
        .containsExactlyInAnyOrder("email", "password", "organization");

    Api.Response shortPassword = api.post("/api/v1/signup", null,
        Map.of("email", email, "password", "elevenchars", "organization", "Fine Org"));
    assertThat(shortPassword.status()).isEqualTo(400);
    assertThat(jdbc.sql("select count(*) from users where email = ?").param(email).query(Long.class).single()).isZero();
    assertThat(jdbc.sql("select count(*) from tenants where name = 'X'").query(Long.class).single()).isZero();
    assertThat(jdbc.sql("select count(*) from tenants").query(Long.class).single()).isGreaterThanOrEqualTo(tenantsBefore);
  }

  @Test
  void a_taken_email_answers_409_whatever_its_case() {
    String email = "taken-" + UUID.randomUUID() + "@example.com";
    api.signUp(email, "correct horse battery", "First Org");

    Api.Response again = api.post("/api/v1/signup", null,
        Map.of("email", email.toUpperCase(), "password", "correct horse battery", "organization", "Second Org"));

    assertThat(again.status()).isEqualTo(409);
    assertThat(again.json().path("type").asString()).isEqualTo("https://flowgate.dev/problems/conflict");
  }

  @Test
  void organizations_with_the_same_name_get_distinct_slugs() {
    String name = "Same Name " + UUID.randomUUID().toString().substring(0, 6);
    Api.Tenant first = api.signUp("a-" + UUID.randomUUID() + "@example.com", "correct horse battery", name);
    Api.Tenant second = api.signUp("b-" + UUID.randomUUID() + "@example.com", "correct horse battery", name);

    assertThat(second.slug()).isNotEqualTo(first.slug()).startsWith(first.slug());
  }

  @Test
  void malformed_json_and_unknown_fields_answer_400() {
    assertThat(api.post("/api/v1/signup", null, "{not json").status()).isEqualTo(400);
    Api.Response unknown = api.post("/api/v1/signup", null,
        Map.of("email", "u-" + UUID.randomUUID() + "@example.com", "password", "correct horse battery",
            "organization", "Org", "admin", true));
    assertThat(unknown.status()).isEqualTo(400);
    assertThat(unknown.json().path("type").asString()).isEqualTo("https://flowgate.dev/problems/malformed-request");
  }
}
