package dev.flowgate.portal.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flowgate.portal.Api;
import dev.flowgate.portal.PortalIT;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class BillingContactsIT extends PortalIT {

  private static String path(UUID tenantId) {
    return "/internal/v1/tenants/" + tenantId + "/billing-contacts";
  }

  private String email(Api.Tenant tenant, String role) {
    member(tenant, role);
    return jdbc.sql("select email from users where tenant_id = ? and role = ? order by created_at desc limit 1")
        .params(tenant.id(), role).query(String.class).single();
  }

  private List<String> emails(Api.Response response) {
    assertThat(response.status()).as(response.raw()).isEqualTo(200);
    return response.json().path("emails").valueStream().map(JsonNode::asString).toList();
  }

  @Test
  void the_contacts_need_the_internal_token() {
    Api.Tenant tenant = signUp();
    assertThat(api.get(path(tenant.id()), null).status()).isEqualTo(401);
    assertThat(api.get(path(tenant.id()), "wrong").status()).isEqualTo(401);
    assertThat(api.get(path(tenant.id()), tenant.token()).status()).isEqualTo(401);
  }

  @Test
  void owners_and_billing_members_are_the_contacts_and_other_roles_are_not() {
    Api.Tenant tenant = signUp();
    String billing = email(tenant, "billing");
    String secondOwner = email(tenant, "owner");
    email(tenant, "admin");
    email(tenant, "developer");
    email(tenant, "viewer");

    assertThat(emails(api.get(path(tenant.id()), INTERNAL_TOKEN)))
        .containsExactlyInAnyOrder(tenant.email().toLowerCase(), billing, secondOwner);
  }

  @Test
  void a_disabled_user_is_no_contact() {
    Api.Tenant tenant = signUp();
    String billing = email(tenant, "billing");
    jdbc.sql("update users set disabled_at = now() where lower(email) = ?").param(billing).update();

    assertThat(emails(api.get(path(tenant.id()), INTERNAL_TOKEN))).containsExactly(tenant.email().toLowerCase());
  }

  @Test
  void another_tenants_members_are_never_contacts_and_an_unknown_tenant_is_404() {
    Api.Tenant a = signUp();
    Api.Tenant b = signUp();
    String otherBilling = email(b, "billing");

    assertThat(emails(api.get(path(a.id()), INTERNAL_TOKEN)))
        .containsExactly(a.email().toLowerCase())
        .doesNotContain(b.email().toLowerCase(), otherBilling);
    Api.Response unknown = api.get(path(UUID.randomUUID()), INTERNAL_TOKEN);
    assertThat(unknown.status()).isEqualTo(404);
    assertThat(unknown.json().path("type").asString()).isEqualTo("https://flowgate.dev/problems/not-found");
  }
}
