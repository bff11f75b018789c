package dev.flowgate.portal.admin;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.select.Select;
import dev.flowgate.portal.base.problems.InvalidInputException;
import dev.flowgate.portal.base.problems.UnavailableException;
import dev.flowgate.portal.base.security.PlatformPrincipal;
import dev.flowgate.portal.billing.PlanChanges;
import java.text.NumberFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.function.Consumer;
import tools.jackson.databind.JsonNode;

/**
 * A tenant's plan and the limits it sets (included calls, hard limit, base price), and the plan
 * picker: a change is confirmed, then made through {@link PlanChanges} (billing, then the audit trail).
 */
class TenantPlanCard extends Div {

  final Span current = new Span();
  final Span included = new Span();
  final Span hardLimit = new Span();
  final Span price = new Span();
  final Select<String> planSelect = new Select<>();
  final Button change = new Button("Change plan…");
  final ConfirmDialog confirm = new ConfirmDialog();
  private final TenantPlans plans;
  private final PlanChanges planChanges;
  private final PlatformPrincipal admin;
  private final UUID tenantId;
  private final Consumer<String> report;
  private String currentCode = "";

  TenantPlanCard(TenantPlans plans, PlanChanges planChanges, PlatformPrincipal admin, UUID tenantId, Consumer<String> report) {
    this.plans = plans;
    this.planChanges = planChanges;
    this.admin = admin;
    this.tenantId = tenantId;
    this.report = report;
    addClassName("flowgate-card");
    setId("admin-tenant-plan");
    current.setId("admin-tenant-plan-current");
    included.setId("admin-tenant-plan-included");
    hardLimit.setId("admin-tenant-plan-hard-limit");
    price.setId("admin-tenant-plan-price");

    planSelect.setId("admin-tenant-plan-select");
    planSelect.setLabel("New plan");
    planSelect.addValueChangeListener(e -> change.setEnabled(e.getValue() != null && !e.getValue().equals(currentCode)));
    change.setId("admin-tenant-change-plan");
    change.setEnabled(false);
    change.addClickListener(e -> askToChange());
    confirm.setId("admin-tenant-change-plan-confirm");
    confirm.setCancelable(true);
    confirm.setConfirmText("Change plan");
    confirm.addConfirmListener(e -> confirmChange());
    HorizontalLayout row = new HorizontalLayout(planSelect, change);
    row.setAlignItems(FlexComponent.Alignment.BASELINE);

    Div facts = new Div(fact("Plan", current), fact("Included calls per month", included), fact("Hard limit", hardLimit),
        fact("Base price", price));
    facts.getStyle().set("display", "flex").set("flex-wrap", "wrap").set("gap", "var(--lumo-space-l)");
    add(new H3("Plan and limits"), facts, row, confirm);
    refresh();
  }

  private static Div fact(String label, Span value) {
    Span name = new Span(label);
    name.addClassName("flowgate-muted");
    Div fact = new Div(name, new Div(value));
    return fact;
  }

  /** Reads the plan and the catalogue again; billing being down is said, not thrown. */
  void refresh() {
    try {
      JsonNode plan = plans.plan(tenantId).path("plan");
      currentCode = plan.path("code").asString("");
      current.setText(plan.path("name").asString(currentCode) + " (" + currentCode + ")");
      NumberFormat count = NumberFormat.getIntegerInstance(Locale.ENGLISH);
      included.setText(plan.path("includedCalls").isNumber() ? count.format(plan.path("includedCalls").asLong()) : "—");
      hardLimit.setText(plan.path("hardLimitCalls").isNumber()
          ? count.format(plan.path("hardLimitCalls").asLong()) + " calls" : "None");
      price.setText(String.format(Locale.ENGLISH, "%.2f %s", plan.path("basePriceMinor").asLong(0) / 100.0,
          plan.path("currency").asString("")));
      List<String> codes = new ArrayList<>();
      plans.catalogue().forEach(p -> codes.add(p.path("code").asString()));
      planSelect.setItems(codes);
      planSelect.setValue(currentCode.isEmpty() || !codes.contains(currentCode) ? null : currentCode);
      change.setEnabled(false);
    } catch (UnavailableException e) {
      current.setText("Billing did not answer; try again shortly.");
      change.setEnabled(false);
    }
  }

  private void askToChange() {
    confirm.setHeader("Change the plan to " + planSelect.getValue() + "?");
    confirm.setText("The new plan and its limits apply at once; this month's invoice is prorated. "
        + "The change is recorded in the tenant's audit trail.");
    confirm.open();
  }

  void confirmChange() {
    String code = planSelect.getValue();
    if (code == null) {
      return;
    }
    try {
      planChanges.change(admin, tenantId, code);
      report.accept("Plan changed to " + code + ".");
    } catch (InvalidInputException e) {
      report.accept("The plan was not changed: " + e.getMessage());
    } catch (UnavailableException e) {
      report.accept("The plan was not changed: billing did not answer. Try again shortly.");
    }
    refresh();
  }
}
