package dev.flowgate.portal.admin;

import static dev.flowgate.portal.ViewSession.byId;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.ComponentUtil;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.server.auth.AccessAnnotationChecker;
import com.vaadin.flow.spring.security.AuthenticationContext;
import dev.flowgate.portal.Api;
import dev.flowgate.portal.PortalIT;
import dev.flowgate.portal.ViewSession;
import dev.flowgate.portal.accounts.PlatformMembers;
import dev.flowgate.portal.base.security.PlatformUser;
import dev.flowgate.portal.base.security.PortalUser;
import dev.flowgate.portal.base.ui.MainLayout;
import dev.flowgate.portal.billing.PlanChanges;
import dev.flowgate.portal.tenants.TenantService;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.User;

/** The admin area's screens, driven in the JVM against the real database: users, a tenant's page, the audit trail. */
class AdminAreaViewsIT extends PortalIT {

  @RegisterExtension final ViewSession session = new ViewSession();

  @Autowired TenantAdministration administration;
  @Autowired TenantDeletion deletion;
  @Autowired TenantDeletionProperties deletionProperties;
  @Autowired TenantPlans plans;
  @Autowired PlanChanges planChanges;
  @Autowired PlatformMembers members;
  @Autowired PlatformAuditLog auditLog;
  @Autowired PlatformAccounts accounts;
  @Autowired AdminProperties configured;
  @Autowired AuthenticationContext authentication;
  @Autowired TenantService tenants;
  @Autowired Clock clock;

  private PlatformUser admin() {
    PlatformAccounts.Account admin = accounts.findByEmail(configured.email()).orElseThrow();
    return new PlatformUser(admin.id(), admin.email(), admin.passwordHash(), "platform-admin", true);
  }

  private PlatformUser billingTeam() {
    UUID id = accounts.create("billing-team-" + UUID.randomUUID() + "@flowgate.test", "x", "billing-team");
    return new PlatformUser(id, "billing-team@flowgate.test", "x", "billing-team", true);
  }

  private PortalUser owner(Api.Tenant tenant) {
    UUID owner = jdbc.sql("select id from users where tenant_id = ?").param(tenant.id()).query(UUID.class).single();
    return new PortalUser(owner, tenant.id(), tenant.email(), "x", "owner");
  }

  private static boolean canOpen(Class<?> view, User user) {
    return new AccessAnnotationChecker().hasAccess(view, user::getUsername,
        role -> user.getAuthorities().stream().anyMatch(a -> a.getAuthority().equals("ROLE_" + role)));
  }

  @Test
  void every_admin_screen_opens_for_the_platform_admin_only_and_only_they_see_it_in_the_navigation() {
    PortalUser owner = owner(signUp());
    PlatformUser billing = billingTeam();
    for (Class<?> view : List.of(AdminUsersView.class, AdminAuditView.class, TenantDetailView.class, AdminHealthView.class)) {
      assertThat(canOpen(view, admin())).as(view.getSimpleName()).isTrue();
      assertThat(canOpen(view, owner)).as(view.getSimpleName() + " for a tenant's owner").isFalse();
      assertThat(canOpen(view, billing)).as(view.getSimpleName() + " for billing-team").isFalse();
    }
    session.signIn(admin());
    MainLayout layout = new MainLayout(authentication, tenants);
    assertThat(byId(layout, "nav-admin-users")).isPresent();
    assertThat(byId(layout, "nav-admin-audit")).isPresent();
    session.signOut();
    session.signIn(billing);
    assertThat(byId(new MainLayout(authentication, tenants), "nav-admin-users")).isEmpty();
    session.signOut();
    session.signIn(owner);
    assertThat(byId(new MainLayout(authentication, tenants), "nav-admin-audit")).isEmpty();
  }

  @Test
  void the_admin_finds_a_user_across_tenants_changes_their_role_disables_and_enables_them_each_audited() {
    Api.Tenant tenant = signUp();
    member(tenant, "viewer");
    session.signIn(admin());
    AdminUsersView view = new AdminUsersView(administration, members, authentication);
    view.search.setValue("viewer-");
    view.filterTenant(tenant.id());
    AdminUserView viewer = view.grid.getLazyDataView().getItems().findFirst().orElseThrow();
    assertThat(viewer.tenantSlug()).isEqualTo(tenant.slug());
    assertThat(viewer.role()).isEqualTo("viewer");

    view.grid.select(viewer);
    assertThat(view.changeRole.isEnabled()).as("the same role").isFalse();
    view.role.setValue("developer");
    view.changeRole.click();
    assertThat(administration.user(viewer.id()).role()).isEqualTo("developer");
    view.toggleDisabled.click();
    assertThat(administration.user(viewer.id()).disabled()).isTrue();
    assertThat(view.toggleDisabled.getText()).isEqualTo("Enable account");
    view.toggleDisabled.click();
    assertThat(administration.user(viewer.id()).disabled()).isFalse();

    List<String> audited = jdbc.sql("""
            select action || ' ' || actor_type from audit_logs where tenant_id = ? and resource_id = ? order by occurred_at""")
        .param(tenant.id()).param(viewer.id().toString()).query(String.class).list();
    assertThat(audited).containsExactly("member.role_changed platform", "member.disabled platform", "member.enabled platform");
  }

  @Test
  void the_selected_user_stays_selected_while_the_search_still_finds_them_and_is_let_go_when_it_does_not() {
    Api.Tenant tenant = signUp();
    member(tenant, "viewer");
    session.signIn(admin());
    AdminUsersView view = new AdminUsersView(administration, members, authentication);
    view.filterTenant(tenant.id());
    AdminUserView viewer = view.grid.getLazyDataView().getItems().filter(u -> u.role().equals("viewer")).findFirst().orElseThrow();
    view.grid.select(viewer);

    view.search.setValue(viewer.email().substring(0, 12).toUpperCase(Locale.ROOT));
    assertThat(view.grid.asSingleSelect().getValue()).as("selection after a search that still finds them").isEqualTo(viewer);
    assertThat(view.selectedTitle.getText()).startsWith(viewer.email());
    assertThat(view.role.isEnabled()).isTrue();

    view.search.setValue("nobody-" + UUID.randomUUID());
    assertThat(view.grid.asSingleSelect().getValue()).as("selection after a search that does not").isNull();
    assertThat(view.selectedTitle.getText()).isEqualTo("Select a user");
  }

  @Test
  void the_last_owner_cannot_be_disabled_from_the_screen_and_the_admin_is_told_why() {
    Api.Tenant tenant = signUp();
    session.signIn(admin());
    AdminUsersView view = new AdminUsersView(administration, members, authentication);
    view.filterTenant(tenant.id());
    view.grid.select(view.grid.getLazyDataView().getItems().findFirst().orElseThrow());
    view.toggleDisabled.click();
    assertThat(view.message.getText()).contains("Not changed").contains("owner");
    assertThat(administration.user(owner(tenant).actor().id()).disabled()).isFalse();
  }

  @Test
  void the_tenant_page_changes_the_plan_schedules_deletion_with_its_date_and_cancels_it() {
    Api.Tenant tenant = signUp();
    session.signIn(admin());
    TenantDetailView view = new TenantDetailView(administration, deletion, plans, planChanges, deletionProperties,
        authentication, clock);
    view.show(tenant.id().toString());
    TenantPlanCard plan = view.planCard;
    assertThat(plan.current.getText()).contains("free");
    plan.planSelect.setValue("pro");
    assertThat(plan.change.isEnabled()).isTrue();
    plan.confirmChange();
    assertThat(plans.plan(tenant.id()).path("plan").path("code").asString()).isEqualTo("pro");
    assertThat(plan.current.getText()).contains("pro");
    assertThat(view.message.getText()).isEqualTo("Plan changed to pro.");

    assertThat(view.cancelDeletion.isVisible()).isFalse();
    ComponentUtil.fireEvent(view.deleteDialog, new ConfirmDialog.ConfirmEvent(view.deleteDialog, false));
    AdminTenantView deleted = administration.get(tenant.id());
    assertThat(deleted.purgeAfter()).isNotNull();
    String purgeDay = deleted.purgeAfter().atZone(ZoneOffset.UTC).toLocalDate().toString();
    assertThat(byId(view, "admin-tenant-purge-date").orElseThrow().getElement().getText()).contains(purgeDay);
    assertThat(view.cancelDeletion.isVisible()).isTrue();
    assertThat(view.reinstate.isVisible()).as("a deletion is cancelled, not reinstated").isFalse();

    view.cancelDeletion.click();
    assertThat(administration.get(tenant.id()).status()).isEqualTo("active");
    assertThat(administration.get(tenant.id()).purgeAfter()).isNull();
    assertThat(view.scheduleDeletion.isVisible()).isTrue();
    List<String> audited = jdbc.sql("select action from audit_logs where tenant_id = ? and actor_type = 'platform' order by occurred_at")
        .param(tenant.id()).query(String.class).list();
    assertThat(audited).containsExactly("billing.plan_changed", "tenant.deleted", "tenant.restored");
  }

  @Test
  void the_tenant_page_suspends_with_a_reason_and_says_when_there_is_no_such_tenant() {
    Api.Tenant tenant = signUp();
    session.signIn(admin());
    TenantDetailView view = new TenantDetailView(administration, deletion, plans, planChanges, deletionProperties,
        authentication, clock);
    view.show(UUID.randomUUID().toString());
    assertThat(view.title.getText()).isEqualTo("No such tenant");

    view.show(tenant.id().toString());
    view.reason.setValue(" ");
    view.confirmSuspend();
    assertThat(view.reason.isInvalid()).isTrue();
    view.reason.setValue("Card declined");
    view.confirmSuspend();
    assertThat(administration.get(tenant.id()).suspendedReason()).isEqualTo("Card declined");
    assertThat(view.reinstate.isVisible()).isTrue();
    view.reinstate.click();
    assertThat(administration.get(tenant.id()).status()).isEqualTo("active");
  }

  @Test
  void the_audit_trail_screen_filters_by_actor_tenant_resource_and_time_and_opens_to_before_and_after() {
    Api.Tenant tenant = signUp();
    signUp();
    member(tenant, "viewer");
    UUID viewer = jdbc.sql("select id from users where tenant_id = ? and role = 'viewer'").param(tenant.id()).query(UUID.class).single();
    members.changeRole(admin(), viewer, "developer");
    session.signIn(admin());
    AdminAuditView view = new AdminAuditView(auditLog);

    view.tenant.setValue(tenant.slug());
    assertThat(view.grid.getLazyDataView().getItems().map(PlatformAuditLog.Entry::tenantSlug)).isNotEmpty()
        .allMatch(tenant.slug()::equals);
    view.actor.setValue(configured.email());
    view.resourceType.setValue("member");
    List<PlatformAuditLog.Entry> shown = view.grid.getLazyDataView().getItems().toList();
    assertThat(shown).extracting(PlatformAuditLog.Entry::action).containsExactly("member.role_changed");
    assertThat(shown.getFirst().before().path("role").asString()).isEqualTo("viewer");
    assertThat(shown.getFirst().after().path("role").asString()).isEqualTo("developer");
    assertThat(view.total.getText()).isEqualTo("1 record");

    view.to.setValue(LocalDateTime.now(ZoneOffset.UTC).minusHours(1));
    assertThat(view.grid.getLazyDataView().getItems()).isEmpty();
    view.to.clear();
    view.from.setValue(LocalDateTime.now(ZoneOffset.UTC).minusHours(1));
    assertThat(view.grid.getLazyDataView().getItems()).hasSize(1);
  }

  @Test
  void the_open_audit_entry_stays_open_while_the_filters_still_find_it_and_closes_when_they_do_not() {
    Api.Tenant tenant = signUp();
    member(tenant, "viewer");
    UUID viewer = jdbc.sql("select id from users where tenant_id = ? and role = 'viewer'").param(tenant.id()).query(UUID.class).single();
    members.changeRole(admin(), viewer, "developer");
    session.signIn(admin());
    AdminAuditView view = new AdminAuditView(auditLog);
    view.tenant.setValue(tenant.slug());
    PlatformAuditLog.Entry change = view.grid.getLazyDataView().getItems()
        .filter(e -> e.action().equals("member.role_changed")).findFirst().orElseThrow();
    view.grid.select(change);

    view.actor.setValue(configured.email());
    view.resourceType.setValue("member");
    assertThat(view.grid.asSingleSelect().getValue()).as("selection after filters that still find it").isEqualTo(change);
    assertThat(view.grid.isDetailsVisible(change)).isTrue();

    view.action.setValue("tenant.suspended");
    assertThat(view.grid.asSingleSelect().getValue()).as("selection after a filter that does not").isNull();
    assertThat(view.grid.isDetailsVisible(change)).isFalse();
  }
}
