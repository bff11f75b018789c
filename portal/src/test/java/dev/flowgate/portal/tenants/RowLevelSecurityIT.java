package dev.flowgate.portal.tenants;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.flowgate.portal.Api;
import dev.flowgate.portal.PortalIT;
import dev.flowgate.portal.base.security.PortalUser;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.transaction.support.TransactionTemplate;

class RowLevelSecurityIT extends PortalIT {

  @Autowired JdbcClient jdbc;
  @Autowired TransactionTemplate transactions;

  @AfterEach
  void signOut() {
    SecurityContextHolder.clearContext();
  }

  private void actAs(Api.Tenant tenant) {
    PortalUser user = new PortalUser(UUID.randomUUID(), tenant.id(), "rls@example.com", "x", "owner");
    SecurityContextHolder.getContext().setAuthentication(
        UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));
  }

  @Test
  void a_query_that_forgets_its_tenant_filter_still_sees_only_the_callers_rows() {
    Api.Tenant a = signUp();
    Api.Tenant b = signUp();
    api.post("/api/v1/services", b.token(), Map.of("name", "b-only", "url", "https://8.8.8.8"));
    actAs(a);

    Long visible = transactions.execute(status ->
        jdbc.sql("select count(*) from services where name = 'b-only' and tenant_id = ?").param(b.id()).query(Long.class).single());
    String scope = transactions.execute(status ->
        jdbc.sql("select current_setting('flowgate.tenant_id', true)").query(String.class).single());

    assertThat(visible).isZero();
    assertThat(scope).isEqualTo(a.id().toString());
    SecurityContextHolder.clearContext();
    Long unscoped = transactions.execute(status ->
        jdbc.sql("select count(*) from services where tenant_id = ?").param(b.id()).query(Long.class).single());
    assertThat(unscoped).isEqualTo(1);
  }

  @Test
  void a_transaction_for_one_tenant_cannot_write_another_tenants_rows() {
    Api.Tenant a = signUp();
    Api.Tenant b = signUp();
    actAs(a);

    assertThatThrownBy(() -> transactions.executeWithoutResult(status -> jdbc.sql("""
            insert into services (id, tenant_id, name, url, connect_timeout_ms, read_timeout_ms, retries)
            values (?, ?, 'sneaky', 'https://8.8.8.8', 1, 1, 0)""").params(UUID.randomUUID(), b.id()).update()))
        .isInstanceOf(DataAccessException.class).rootCause().hasMessageContaining("row-level security");
  }
}
