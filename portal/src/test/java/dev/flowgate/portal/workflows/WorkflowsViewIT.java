package dev.flowgate.portal.workflows;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.spring.security.AuthenticationContext;
import dev.flowgate.portal.Api;
import dev.flowgate.portal.PortalIT;
import dev.flowgate.portal.base.security.PortalUser;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;

class WorkflowsViewIT extends PortalIT {

  @Autowired WorkflowManagement workflows;
  @Autowired AuthenticationContext authentication;

  @AfterEach
  void signOut() {
    UI.setCurrent(null);
    SecurityContextHolder.clearContext();
  }

  private WorkflowsView viewAs(Api.Tenant tenant, String role) {
    UI.setCurrent(new UI());
    PortalUser user = new PortalUser(UUID.randomUUID(), tenant.id(), role + "@example.com", "x", role);
    SecurityContextHolder.getContext().setAuthentication(
        UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));
    return new WorkflowsView(workflows, authentication);
  }

  @Test
  void a_definition_with_errors_keeps_the_text_and_names_the_step_then_saves_when_fixed() {
    Api.Tenant tenant = signUp();
    WorkflowsView view = viewAs(tenant, "developer");
    String broken = WorkflowsView.TEMPLATE.replace("\"dependsOn\": [\"call\"]", "\"dependsOn\": [\"ghost\"]");

    view.definition.setValue(broken);
    view.save();

    assertThat(view.definition.isInvalid()).isTrue();
    assertThat(view.definition.getErrorMessage()).contains("steps[1].dependsOn").contains("step 'approve'");
    assertThat(view.definition.getValue()).isEqualTo(broken);
    view.definition.setValue("{ not json");
    view.save();
    assertThat(view.definition.getErrorMessage()).startsWith("Not valid JSON");

    view.definition.setValue(WorkflowsView.TEMPLATE);
    view.save();
    view.save();

    assertThat(view.status.getText()).contains("version 2");
    assertThat(api.get("/api/v1/workflows", tenant.token()).json().path("items").get(0).path("currentVersion").asInt()).isEqualTo(2);
  }

  @Test
  void a_viewer_reads_definitions_without_saving() {
    WorkflowsView view = viewAs(signUp(), "viewer");
    assertThat(view.definition.isReadOnly()).isTrue();
    assertThat(view.save.isVisible()).isFalse();
  }
}
