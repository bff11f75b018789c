package dev.flowgate.portal.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.data.provider.Query;
import com.vaadin.flow.spring.security.AuthenticationContext;
import dev.flowgate.portal.Api;
import dev.flowgate.portal.PortalIT;
import dev.flowgate.portal.ViewSession;
import dev.flowgate.portal.base.security.PortalUser;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;

class AuditLogViewIT extends PortalIT {

  @RegisterExtension final ViewSession session = new ViewSession();

  @Autowired AuditLogQuery query;
  @Autowired AuthenticationContext authentication;

  @Test
  void the_audit_screen_filters_by_resource_type_and_shows_what_changed() {
    Api.Tenant tenant = signUp();
    String id = api.post("/api/v1/services", tenant.token(), Map.of("name", "orders", "url", "https://8.8.8.8"))
        .json().path("id").asString();
    api.patch("/api/v1/services/" + id, tenant.token(), Map.of("retries", 2));
    api.post("/api/v1/keys", tenant.token(), Map.of("name", "k"));
    PortalUser user = new PortalUser(UUID.randomUUID(), tenant.id(), "viewer@example.com", "x", "viewer");
    session.signIn(user);
    AuditLogView view = new AuditLogView(query, authentication);

    view.resourceType.setValue("service");

    List<AuditLogEntry> rows = view.grid.getDataProvider().fetch(new Query<>(0, 50, null, null, null)).toList();
    assertThat(rows).extracting(AuditLogEntry::action).containsExactly("service.updated", "service.created");
    assertThat(AuditDiff.changes(rows.get(0).before(), rows.get(0).after())).containsExactly("retries: 0 → 2");
    view.actor.setValue("not an id");
    assertThat(view.grid.getDataProvider().fetch(new Query<>(0, 50, null, null, null)).toList()).isEmpty();
    assertThat(view.actor.isInvalid()).isTrue();
  }
}
