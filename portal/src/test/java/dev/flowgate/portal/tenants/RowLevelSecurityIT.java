package dev.flowgate.portal.tenants;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.flowgate.portal.Api;
import dev.flowgate.portal.PortalIT;
import dev.flowgate.portal.base.security.PlatformScope;
import dev.flowgate.portal.base.security.PortalUser;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.transaction.support.TransactionTemplate;

class RowLevelSecurityIT extends PortalIT {

  /** The application's own JdbcClient, on the pooled connections its transactions scope. */
  @Autowired JdbcClient appJdbc;
  @Autowired TransactionTemplate transactions;
  @Autowired Environment environment;

  @AfterEach
  void signOut() {
    SecurityContextHolder.clearContext();
  }

  private void actAs(Api.Tenant tenant) {
    PortalUser user = new PortalUser(UUID.randomUUID(), tenant.id(), "rls@example.com", "x", "owner");
    SecurityContextHolder.getContext().setAuthentication(
        UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));
  }

  /** Every table of the portal's schema with a tenant_id column: each one must be covered. */
  private List<String> tenantTables() {
    return jdbc.sql("""
            select c.table_name from information_schema.columns c
            join information_schema.tables t on t.table_schema = c.table_schema and t.table_name = c.table_name
            where c.table_schema = 'portal' and c.column_name = 'tenant_id' and t.table_type = 'BASE TABLE'
            order by c.table_name""")
        .query(String.class).list();
  }

  /** A connection as the application's role straight from the driver: no pool, no transaction manager. */
  private Connection plainConnection() throws SQLException {
    Properties properties = new Properties();
    properties.setProperty("user", environment.getProperty("spring.datasource.username", "flowgate"));
    properties.setProperty("password", environment.getProperty("spring.datasource.password", ""));
    properties.setProperty("options", "-c search_path=portal");
    return DriverManager.getConnection(environment.getRequiredProperty("spring.datasource.url"), properties);
  }

  private static Map<String, Long> counts(Connection connection, List<String> tables, String where, UUID tenant)
      throws SQLException {
    Map<String, Long> counts = new LinkedHashMap<>();
    for (String table : tables) {
      try (PreparedStatement statement = connection.prepareStatement(
          "select count(*) from " + table + (where.isEmpty() ? "" : " where " + where))) {
        if (where.contains("?")) {
          statement.setObject(1, tenant);
        }
        try (ResultSet rs = statement.executeQuery()) {
          rs.next();
          counts.put(table, rs.getLong(1));
        }
      }
    }
    return counts;
  }

  @Test
  void every_tenant_table_has_forced_row_level_security() {
    List<String> unprotected = jdbc.sql("""
            select c.relname from pg_class c join pg_namespace n on n.oid = c.relnamespace
            where n.nspname = 'portal' and c.relname in (:tables)
              and not (c.relrowsecurity and c.relforcerowsecurity)""")
        .param("tables", tenantTables()).query(String.class).list();

    assertThat(tenantTables()).contains("users", "services", "api_keys", "audit_logs", "workflow_triggers");
    assertThat(unprotected).isEmpty();
  }

  @Test
  void a_plain_connection_with_no_tenant_set_sees_no_row_of_any_tenant_table() throws SQLException {
    Api.Tenant tenant = signUp();
    api.post("/api/v1/services", tenant.token(), Map.of("name", "rls-svc", "url", "https://8.8.8.8"));
    List<String> tables = tenantTables();

    try (Connection connection = plainConnection()) {
      assertThat(counts(connection, tables, "", null)).allSatisfy((table, count) -> assertThat(count).as(table).isZero());
    }
    // the same rows are there for the platform scope: the zero above is row-level security, not an empty table
    assertThat(jdbc.sql("select count(*) from users where tenant_id = ?").param(tenant.id()).query(Long.class).single())
        .isEqualTo(1);
  }

  @Test
  void a_plain_connection_with_tenant_a_set_sees_only_tenant_as_rows() throws SQLException {
    Api.Tenant a = signUp();
    Api.Tenant b = signUp();
    api.post("/api/v1/services", a.token(), Map.of("name", "a-svc", "url", "https://8.8.8.8"));
    api.post("/api/v1/services", b.token(), Map.of("name", "b-svc", "url", "https://8.8.8.8"));
    List<String> tables = tenantTables();

    try (Connection connection = plainConnection()) {
      connection.createStatement().execute("select set_config('flowgate.tenant_id', '" + a.id() + "', false)");
      assertThat(counts(connection, tables, "tenant_id <> ?", a.id()))
          .allSatisfy((table, count) -> assertThat(count).as(table).isZero());
      Map<String, Long> own = counts(connection, List.of("users", "services", "management_tokens"), "tenant_id = ?", a.id());
      assertThat(own).containsEntry("users", 1L).containsEntry("services", 1L).containsEntry("management_tokens", 1L);
    }
  }

  @Test
  void a_query_that_forgets_its_tenant_filter_still_sees_only_the_callers_rows() {
    Api.Tenant a = signUp();
    Api.Tenant b = signUp();
    api.post("/api/v1/services", b.token(), Map.of("name", "b-only", "url", "https://8.8.8.8"));
    actAs(a);

    Long visible = transactions.execute(status ->
        appJdbc.sql("select count(*) from services where name = 'b-only' and tenant_id = ?").param(b.id()).query(Long.class).single());
    String scope = transactions.execute(status ->
        appJdbc.sql("select current_setting('flowgate.tenant_id', true)").query(String.class).single());

    assertThat(visible).isZero();
    assertThat(scope).isEqualTo(a.id().toString());
  }

  @Test
  void a_transaction_with_no_caller_sees_nothing_until_it_asks_for_the_platform_scope() {
    Api.Tenant b = signUp();
    api.post("/api/v1/services", b.token(), Map.of("name", "b-svc", "url", "https://8.8.8.8"));

    Long unscoped = transactions.execute(status ->
        appJdbc.sql("select count(*) from services where tenant_id = ?").param(b.id()).query(Long.class).single());
    Long platform = PlatformScope.call(() -> transactions.execute(status ->
        appJdbc.sql("select count(*) from services where tenant_id = ?").param(b.id()).query(Long.class).single()));

    assertThat(unscoped).isZero();
    assertThat(platform).isEqualTo(1);
  }

  @Test
  void a_transaction_for_one_tenant_cannot_write_another_tenants_rows() {
    Api.Tenant a = signUp();
    Api.Tenant b = signUp();
    actAs(a);

    assertThatThrownBy(() -> transactions.executeWithoutResult(status -> appJdbc.sql("""
            insert into services (id, tenant_id, name, url, connect_timeout_ms, read_timeout_ms, retries)
            values (?, ?, 'sneaky', 'https://8.8.8.8', 1, 1, 0)""").params(UUID.randomUUID(), b.id()).update()))
        .isInstanceOf(DataAccessException.class).rootCause().hasMessageContaining("row-level security");
  }
}
