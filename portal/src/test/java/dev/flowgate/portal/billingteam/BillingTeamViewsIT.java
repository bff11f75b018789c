package dev.flowgate.portal.billingteam;

import static dev.flowgate.portal.ViewSession.byId;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.data.provider.Query;
import com.vaadin.flow.server.auth.AccessAnnotationChecker;
import com.vaadin.flow.spring.security.AuthenticationContext;
import dev.flowgate.portal.Api;
import dev.flowgate.portal.PortalIT;
import dev.flowgate.portal.StubBillingControl;
import dev.flowgate.portal.ViewSession;
import dev.flowgate.portal.admin.PlatformAccounts;
import dev.flowgate.portal.base.security.PlatformUser;
import dev.flowgate.portal.base.security.PortalUser;
import dev.flowgate.portal.base.ui.MainLayout;
import dev.flowgate.portal.tenants.TenantService;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.YearMonth;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.User;
import tools.jackson.databind.JsonNode;

/** The billing team's screens, driven server-side against real PostgreSQL and the stub billing server. */
class BillingTeamViewsIT extends PortalIT {

  @RegisterExtension final ViewSession session = new ViewSession();

  @Autowired BillingTeamClient billing;
  @Autowired BillingOperations operations;
  @Autowired TenantNames names;
  @Autowired PlatformAccounts accounts;
  @Autowired AuthenticationContext authentication;
  @Autowired TenantService tenants;
  @Autowired Clock clock;

  @BeforeEach
  void ukLocale() {
    session.ui().setLocale(Locale.UK);
  }

  @AfterEach
  void resetStubBilling() {
    StubBillingControl.failing(false);
    StubBillingControl.exportRows(5, null);
  }

  private PlatformUser billingTeam() {
    String email = "billing-team-" + UUID.randomUUID() + "@flowgate.test";
    PlatformUser user = new PlatformUser(accounts.create(email, "x", "billing-team"), email, "x", "billing-team", true);
    session.signIn(user);
    return user;
  }

  private static boolean canOpen(Class<?> view, User user) {
    return new AccessAnnotationChecker().hasAccess(view, () -> user.getUsername(),
        role -> user.getAuthorities().stream().anyMatch(a -> a.getAuthority().equals("ROLE_" + role)));
  }

  private static List<JsonNode> rows(com.vaadin.flow.component.grid.Grid<JsonNode> grid) {
    return grid.getDataProvider().fetch(new Query<>()).toList();
  }

  @Test
  void only_platform_roles_open_the_billing_team_screens_and_see_them_in_the_navigation() {
    Api.Tenant tenant = signUp();
    PortalUser owner = new PortalUser(UUID.randomUUID(), tenant.id(), tenant.email(), "x", "owner");
    List<Class<?>> views = List.of(RevenueView.class, TenantsUsageView.class, TenantBillingView.class,
        AllInvoicesView.class, ExportsView.class);
    views.forEach(v -> assertThat(canOpen(v, owner)).as(v.getSimpleName()).isFalse());
    session.signIn(owner);
    assertThat(byId(new MainLayout(authentication, tenants), "nav-billing-team-revenue")).isEmpty();

    PlatformUser operator = billingTeam();
    views.forEach(v -> assertThat(canOpen(v, operator)).as(v.getSimpleName()).isTrue());
    MainLayout layout = new MainLayout(authentication, tenants);
    for (String item : List.of("revenue", "usage", "invoices", "exports")) {
      assertThat(byId(layout, "nav-billing-team-" + item)).as(item).isPresent();
    }
  }

  @Test
  void revenue_lists_the_latest_month_first_beside_a_chart_of_each_plans_invoices_and_the_paid_amount() {
    billingTeam();
    RevenueView view = new RevenueView(billing);

    List<JsonNode> months = rows(view.grid);
    assertThat(months).hasSize(12);
    assertThat(months.get(0).path("period").asString()).isEqualTo("2026-11");
    assertThat(months.get(0).path("openMinor").asLong()).isEqualTo(12 * 4900);
    assertThat(view.chart.getId()).contains("billing-revenue-chart");
    assertThat(view.chart.isVisible()).isTrue();
    JsonNode option = view.chart.getOption();
    assertThat(option.path("xAxis").path("data").get(0).asString()).isEqualTo("2025-12");
    assertThat(option.path("xAxis").path("data").get(11).asString()).isEqualTo("2026-11");
    assertThat(option.path("yAxis").path("name").asString()).isEqualTo("EUR");
    assertThat(option.path("series").findValuesAsString("name"))
        .containsExactly("Invoiced · growth", "Invoiced · starter", "Paid");
    // November: 12 tenants on starter at 29.00 EUR, nothing paid yet; October paid 11 × 49.00 EUR
    assertThat(option.path("series").get(1).path("data").get(11).decimalValue()).isEqualByComparingTo("348.00");
    assertThat(option.path("series").get(2).path("data").get(11).decimalValue()).isEqualByComparingTo("0");
    assertThat(option.path("series").get(2).path("data").get(10).decimalValue()).isEqualByComparingTo("539.00");
    assertThat(view.chart.dataTable()).hasSize(13);

    view.months.setValue(3);
    assertThat(rows(view.grid)).hasSize(3);
    assertThat(view.chart.getOption().path("xAxis").path("data").size()).isEqualTo(3);
    StubBillingControl.failing(true);
    view.refresh();
    assertThat(view.status.getText()).contains("unavailable");
    assertThat(rows(view.grid)).isEmpty();
    assertThat(view.chart.isVisible()).isFalse();
  }

  @Test
  void usage_by_tenant_is_narrowed_as_one_types_a_slug() {
    Api.Tenant tenant = signUp();
    StubBillingControl.billedTenant(tenant.id(), "pro", 1500);
    billingTeam();
    TenantsUsageView view = new TenantsUsageView(billing, names, clock);
    view.period.setValue(YearMonth.of(2026, 10));

    view.search.setValue(tenant.slug());

    assertThat(view.shown()).hasSize(1);
    assertThat(view.shown().get(0).path("tenantId").asString()).isEqualTo(tenant.id().toString());
    assertThat(StubBillingControl.lastQuery()).isEqualTo("period=2026-10");
    view.search.setValue("no-such-tenant-" + UUID.randomUUID());
    assertThat(view.shown()).isEmpty();
    assertThat(view.status.getText()).startsWith("0 of ");
  }

  @Test
  void the_drill_down_shows_the_tenants_plan_bill_invoices_and_alerts_or_says_there_is_no_such_tenant() {
    Api.Tenant tenant = signUp();
    billingTeam();
    TenantBillingView view = new TenantBillingView(operations, billing, authentication);

    view.show(tenant.id().toString());

    assertThat(view.title.getText()).contains(tenant.slug());
    assertThat(view.planText.getText()).startsWith("Plan Free").contains("7 of 1,000 included calls");
    assertThat(view.runningBill.getText()).contains("€21.50");
    assertThat(rows(view.invoices)).extracting(i -> i.path("id").asString()).containsExactly("inv_" + tenant.id());
    assertThat(view.alerts).isNotNull();
    assertThat(view.alerts.count()).isEqualTo(1);

    view.show(UUID.randomUUID().toString());
    assertThat(view.title.getText()).isEqualTo("No such tenant");
    assertThat(view.content.isVisible()).isFalse();
  }

  @Test
  void the_credit_dialog_shows_errors_beside_the_fields_keeps_what_was_typed_and_issues_an_audited_credit() {
    Api.Tenant tenant = signUp();
    billingTeam();
    TenantBillingView view = new TenantBillingView(operations, billing, authentication);
    view.show(tenant.id().toString());
    CreditDialog dialog = view.creditDialog;
    dialog.open("EUR");

    dialog.amount.setValue(new BigDecimal("12.50"));
    dialog.submit();
    assertThat(dialog.reason.isInvalid()).isTrue();
    assertThat(dialog.reason.getErrorMessage()).contains("Say why");
    assertThat(dialog.amount.isInvalid()).isFalse();
    assertThat(dialog.amount.getValue()).isEqualByComparingTo("12.50");

    dialog.reason.setValue("Outage credit, ticket 77");
    dialog.amount.setValue(new BigDecimal("600000.00"));
    dialog.submit();
    assertThat(dialog.amount.isInvalid()).isTrue();
    assertThat(dialog.amount.getErrorMessage()).contains("exceeds");
    assertThat(dialog.reason.getValue()).isEqualTo("Outage credit, ticket 77");

    dialog.amount.setValue(new BigDecimal("12.50"));
    StubBillingControl.failing(true);
    dialog.submit();
    assertThat(dialog.status.getText()).contains("not issued");
    assertThat(dialog.isOpened()).isTrue();
    assertThat(dialog.reason.getValue()).isEqualTo("Outage credit, ticket 77");

    StubBillingControl.failing(false);
    dialog.submit();
    assertThat(dialog.isOpened()).isFalse();
    assertThat(dialog.reason.getValue()).isEmpty();
    assertThat(rows(view.credits)).extracting(c -> c.path("amountMinor").asLong()).containsExactly(1250L);
    assertThat(api.get("/api/v1/audit-logs?resourceType=credit", tenant.token()).json().path("items").get(0)
        .path("after").path("reason").asString()).isEqualTo("Outage credit, ticket 77");
  }

  @Test
  void a_plan_change_from_the_drill_down_is_confirmed_and_audited() {
    Api.Tenant tenant = signUp();
    billingTeam();
    TenantBillingView view = new TenantBillingView(operations, billing, authentication);
    view.show(tenant.id().toString());

    view.planSelect.setValue("pro");
    assertThat(view.changePlan.isEnabled()).isTrue();
    view.confirmPlanChange();

    assertThat(view.planText.getText()).startsWith("Plan Pro");
    assertThat(api.get("/api/v1/audit-logs?resourceType=plan", tenant.token()).json().path("items").get(0)
        .path("after").path("planCode").asString()).isEqualTo("pro");
  }

  @Test
  void all_invoices_filter_by_state_and_month_and_name_the_tenant() {
    Api.Tenant tenant = signUp();
    StubBillingControl.billedTenant(tenant.id(), "free", 3);
    billingTeam();
    AllInvoicesView view = new AllInvoicesView(billing, names, clock);

    view.state.setValue("paid");
    List<JsonNode> page = view.firstPage();

    assertThat(StubBillingControl.lastQuery()).contains("status=paid");
    assertThat(page).allMatch(i -> i.path("status").asString().equals("paid"));
    assertThat(page).anyMatch(i -> i.path("tenantSlug").asString().equals(tenant.slug()));
  }

  @Test
  void an_export_counts_rows_as_they_stream_against_billings_total() throws Exception {
    billingTeam();
    StubBillingControl.exportRows(5_000, null);
    ExportsView view = new ExportsView(billing, clock);
    ByteArrayOutputStream out = new ByteArrayOutputStream();

    view.run(out, Runnable::run);

    assertThat(out.toString(StandardCharsets.UTF_8).lines().count()).isEqualTo(5_001);
    assertThat(view.progress.isVisible()).isTrue();
    assertThat(view.progress.getValue()).isEqualTo(1.0);
    assertThat(view.status.getText()).isEqualTo("5,000 of 5,000 rows: done.");
    assertThat(view.fileName()).startsWith("usage-").endsWith(".csv");

    view.from.setValue(view.to.getValue().plusDays(1));
    assertThat(view.to.isInvalid()).isTrue();
    assertThat(view.download.isEnabled()).isFalse();
  }
}
