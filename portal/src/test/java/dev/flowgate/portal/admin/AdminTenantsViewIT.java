package dev.flowgate.portal.admin;

import static dev.flowgate.portal.ViewSession.byId;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.server.auth.AccessAnnotationChecker;
import com.vaadin.flow.spring.security.AuthenticationContext;
import dev.flowgate.portal.Api;
import dev.flowgate.portal.PortalIT;
import dev.flowgate.portal.ViewSession;
import dev.flowgate.portal.base.problems.TenantSuspendedException;
import dev.flowgate.portal.base.security.PlatformUser;
import dev.flowgate.portal.base.security.PortalUser;
import dev.flowgate.portal.base.ui.MainLayout;
import dev.flowgate.portal.tenants.TenantService;
import dev.flowgate.portal.tokens.ManagementTokenService;
import dev.flowgate.portal.tokens.TokenRequest;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.User;

class AdminTenantsViewIT extends PortalIT {

  @RegisterExtension final ViewSession session = new ViewSession();

  @Autowired TenantAdministration administration;
  @Autowired PlatformAccounts accounts;
  @Autowired AuthenticationContext authentication;
  @Autowired TenantService tenants;
  @Autowired AdminProperties configured;
  @Autowired ManagementTokenService tokens;

  /** The bootstrapped platform admin, or a new billing-team member (the platform keeps one admin here). */
  private PlatformUser platformUser(String role) {
    if (role.equals("platform-admin")) {
      PlatformAccounts.Account admin = accounts.findByEmail(configured.email()).orElseThrow();
      return new PlatformUser(admin.id(), admin.email(), admin.passwordHash(), role, true);
    }
    UUID id = accounts.create(role + "-" + UUID.randomUUID() + "@flowgate.test", "x", role);
    return new PlatformUser(id, role + "@flowgate.test", "x", role, true);
  }

  private PortalUser owner(Api.Tenant tenant) {
    UUID owner = jdbc.sql("select id from users where tenant_id = ?").param(tenant.id()).query(UUID.class).single();
    return new PortalUser(owner, tenant.id(), tenant.email(), "x", "owner");
  }

  private static boolean canOpen(User user) {
    return new AccessAnnotationChecker().hasAccess(AdminTenantsView.class, () -> user.getUsername(),
        role -> user.getAuthorities().stream().anyMatch(a -> a.getAuthority().equals("ROLE_" + role)));
  }

  @Test
  void only_platform_roles_may_open_the_view_and_see_it_in_the_navigation() {
    Api.Tenant tenant = signUp();
    PortalUser owner = owner(tenant);
    assertThat(canOpen(owner)).isFalse();
    session.signIn(owner);
    assertThat(byId(new MainLayout(authentication, tenants), "nav-admin-tenants")).isEmpty();
    session.signOut();

    for (String role : new String[] {"platform-admin", "billing-team"}) {
      PlatformUser operator = platformUser(role);
      assertThat(canOpen(operator)).as(role).isTrue();
      session.signIn(operator);
      assertThat(byId(new MainLayout(authentication, tenants), "nav-admin-tenants")).as(role).isPresent();
      session.signOut();
    }
  }

  @Test
  void a_platform_admin_finds_a_tenant_suspends_it_with_a_reason_and_reinstates_it() {
    Api.Tenant tenant = signUp();
    session.signIn(platformUser("platform-admin"));
    AdminTenantsView view = new AdminTenantsView(administration, accounts, authentication);
    assertThat(view.suspend.isVisible()).isTrue();
    assertThat(view.suspend.isEnabled()).as("nothing selected yet").isFalse();

    view.search.setValue(tenant.slug());
    AdminTenantView row = administration.search(view.search.getValue(), null,
        org.springframework.data.domain.PageRequest.of(0, 10)).getContent().getFirst();
    view.grid.select(row);
    assertThat(view.suspend.isEnabled()).isTrue();
    assertThat(view.reinstate.isEnabled()).isFalse();

    view.open(true);
    view.reason.setValue("");
    view.confirm.click();
    assertThat(view.reason.isInvalid()).as("a reason is required").isTrue();
    assertThat(administration.get(tenant.id()).status()).isEqualTo("active");

    view.reason.setValue("Chargeback under review");
    view.confirm.click();
    AdminTenantView suspended = administration.get(tenant.id());
    assertThat(suspended.status()).isEqualTo("suspended");
    assertThat(suspended.suspendedReason()).isEqualTo("Chargeback under review");
    assertThat(view.message.getText()).contains("Suspended");

    view.grid.select(suspended);
    assertThat(view.reinstate.isEnabled()).isTrue();
    view.open(false);
    assertThat(view.reason.isVisible()).isFalse();
    view.confirm.click();
    assertThat(administration.get(tenant.id()).status()).isEqualTo("active");
  }

  @Test
  void billing_team_sees_tenants_but_no_suspend_or_reinstate() {
    session.signIn(platformUser("billing-team"));
    AdminTenantsView view = new AdminTenantsView(administration, accounts, authentication);
    assertThat(view.suspend.isVisible()).isFalse();
    assertThat(view.reinstate.isVisible()).isFalse();
  }

  @Test
  void a_suspended_tenants_users_see_a_banner_with_the_reason() {
    Api.Tenant tenant = signUp();
    PortalUser owner = owner(tenant);
    session.signIn(owner);
    assertThat(new MainLayout(authentication, tenants).showsSuspension()).isFalse();

    administration.suspend(platformUser("platform-admin"), tenant.id(), "Terms of service violation");
    MainLayout layout = new MainLayout(authentication, tenants);
    assertThat(layout.showsSuspension()).isTrue();
    layout.showRouterLayoutContent(new com.vaadin.flow.component.html.Div());
    Component banner = byId(layout, "tenant-suspended-banner").orElseThrow();
    assertThat(banner.getElement().getTextRecursively()).contains("suspended").contains("Terms of service violation");
  }

  @Test
  void a_suspended_tenants_changes_from_the_ui_are_refused_and_roll_back() {
    Api.Tenant tenant = signUp();
    PortalUser owner = owner(tenant);
    administration.suspend(platformUser("platform-admin"), tenant.id(), "Security incident");
    session.signIn(owner);

    assertThatThrownBy(() -> tokens.create(owner.actor(), new TokenRequest("from the ui")))
        .isInstanceOf(TenantSuspendedException.class);
    assertThat(jdbc.sql("select count(*) from management_tokens where tenant_id = ? and name = 'from the ui'")
        .param(tenant.id()).query(Long.class).single()).isZero();

    administration.reinstate(platformUser("platform-admin"), tenant.id());
    assertThat(tokens.create(owner.actor(), new TokenRequest("from the ui")).token()).startsWith("fgm_");
  }
}
