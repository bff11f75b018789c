package dev.flowgate.portal.audit;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.flowgate.portal.Api;
import dev.flowgate.portal.PortalIT;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessException;

class AppendOnlyIT extends PortalIT {


  @Test
  void the_database_refuses_to_change_or_delete_audit_records() {
    Api.Tenant tenant = signUp();

    assertThatThrownBy(() -> jdbc.sql("update audit_logs set action = 'x' where tenant_id = ?").param(tenant.id()).update())
        .isInstanceOf(DataAccessException.class).rootCause().hasMessageContaining("append-only");
    assertThatThrownBy(() -> jdbc.sql("delete from audit_logs where tenant_id = ?").param(tenant.id()).update())
        .isInstanceOf(DataAccessException.class).rootCause().hasMessageContaining("append-only");
  }

  @Test
  void the_database_refuses_to_change_a_saved_workflow_version() {
    Api.Tenant tenant = signUp();
    String id = api.post("/api/v1/workflows", tenant.token(), Map.of("name", "frozen",
        "steps", List.of(Map.of("id", "a", "type", "delay")))).json().path("id").asString();

    assertThatThrownBy(() -> jdbc.sql("update workflow_versions set definition = '{}'::jsonb where workflow_id = ?::uuid")
        .param(id).update()).isInstanceOf(DataAccessException.class).rootCause().hasMessageContaining("append-only");
  }
}
