package dev.flowgate.portal.billing;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.component.progressbar.ProgressBarVariant;
import com.vaadin.flow.component.select.Select;
import dev.flowgate.portal.base.problems.InvalidInputException;
import dev.flowgate.portal.base.problems.UnavailableException;
import dev.flowgate.portal.base.security.Actor;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.function.Supplier;
import tools.jackson.databind.JsonNode;

/**
 * The tenant's plan: prices, limits, this period's calls against the included calls (a bar that
 * turns amber at 80% and red at 100%), and changing plan after a confirmation.
 */
class PlanCard extends Div {

  /** Usage levels of the included calls, as the bar's theme shows them. */
  static final String NORMAL = "success";
  static final String WARNING = "warning";
  static final String EXCEEDED = "error";
  /** What a change costs; billing prorates the base prices by the days each plan was in force. */
  static final String PRORATION = "A plan change applies at once. This month's invoice is prorated: each plan's base price "
      + "counts for the part of the month it was in force.";

  final Div facts = new Div();
  final ProgressBar progress = new ProgressBar();
  final Span usageText = new Span();
  final Select<String> planSelect = new Select<>();
  final Button change = new Button("Change plan…");
  final ConfirmDialog confirm = new ConfirmDialog();
  final Paragraph status = new Paragraph();
  final Paragraph proration = new Paragraph(PRORATION);
  private final BillingClient billing;
  private final PlanChanges planChanges;
  private final Actor actor;
  private final UUID tenantId;
  private final Supplier<Locale> locale;
  private final Runnable onChanged;
  private final List<JsonNode> plans = new ArrayList<>();
  private String currentCode = "";

  PlanCard(BillingClient billing, PlanChanges planChanges, Actor actor, Supplier<Locale> locale, Runnable onChanged) {
    this.billing = billing;
    this.planChanges = planChanges;
    this.actor = actor;
    this.tenantId = actor.tenantId();
    this.locale = locale;
    this.onChanged = onChanged;
    setId("billing-plan");
    addClassName("flowgate-card");
    facts.setId("billing-plan-facts");
    facts.getStyle().set("display", "grid").set("grid-template-columns", "repeat(auto-fit, minmax(11rem, 1fr))")
        .set("gap", "var(--lumo-space-m)");
    progress.setId("billing-usage-progress");
    progress.getElement().setAttribute("aria-labelledby", "billing-usage-text");
    usageText.setId("billing-usage-text");
    status.setId("billing-plan-status");
    status.getElement().setAttribute("role", "status");

    planSelect.setId("billing-change-plan");
    planSelect.setLabel("Plan");
    planSelect.setItemLabelGenerator(this::planLabel);
    planSelect.addValueChangeListener(e -> change.setEnabled(e.getValue() != null && !e.getValue().equals(currentCode)));
    change.setId("billing-change-plan-button");
    change.setEnabled(false);
    change.addClickListener(e -> askToChange());
    confirm.setId("billing-change-plan-confirm");
    confirm.setCancelable(true);
    confirm.setConfirmText("Change plan");
    confirm.addConfirmListener(e -> changePlan());
    HorizontalLayout changeRow = new HorizontalLayout(planSelect, change);
    changeRow.setAlignItems(FlexComponent.Alignment.BASELINE);
    changeRow.setWrap(true);

    proration.setId("billing-plan-proration");
    proration.addClassName("flowgate-muted");
    add(new H2("Plan"), facts, usageText, progress, status, changeRow, proration);
  }

  void refresh() {
    try {
      render(billing.plan(tenantId));
    } catch (UnavailableException e) {
      unavailable();
      return;
    }
    try {
      loadPlans();
    } catch (UnavailableException e) {
      planSelect.setEnabled(false);
      change.setEnabled(false);
      status.setText("The plans to choose from are unavailable right now; try Refresh in a moment.");
    }
  }

  private void loadPlans() {
    plans.clear();
    billing.plans().forEach(plans::add);
    planSelect.setItems(plans.stream().map(p -> p.path("code").asString()).toList());
    planSelect.setValue(plans.stream().anyMatch(p -> p.path("code").asString().equals(currentCode)) ? currentCode : null);
    change.setEnabled(false);
  }

  private void render(JsonNode answer) {
    JsonNode plan = answer.path("plan");
    Locale l = locale.get();
    String currency = plan.path("currency").asString("EUR");
    currentCode = plan.path("code").asString();
    long included = plan.path("includedCalls").asLong(0);
    long calls = answer.path("callsThisPeriod").asLong(0);
    facts.removeAll();
    progress.setVisible(true);
    planSelect.setEnabled(true);
    fact("Plan", plan.path("name").asString(currentCode), "billing-plan-name");
    fact("Price", Money.format(plan.path("basePriceMinor").asLong(0), currency, l) + " / month", "billing-plan-price");
    fact("Included calls", Money.count(included, l), "billing-plan-included");
    fact("Overage", Money.format(plan.path("overagePerThousandMinor").asLong(0), currency, l) + " per 1,000 calls",
        "billing-plan-overage");
    JsonNode hardLimit = plan.path("hardLimitCalls");
    fact("Hard limit", hardLimit.isNumber() ? Money.count(hardLimit.asLong(), l) + " calls" : "None", "billing-plan-hard-limit");
    fact("Calls this period", Money.count(calls, l), "billing-plan-calls");
    showUsage(calls, included, l);
    status.setText(period(answer));
  }

  private void showUsage(long calls, long included, Locale l) {
    // percent in integers: calls * 100 / included, compared against 80 and 100
    long percent = included <= 0 ? (calls > 0 ? 100 : 0)
        : calls > Long.MAX_VALUE / 100 ? Long.MAX_VALUE / included : calls * 100 / included;
    String level = percent >= 100 ? EXCEEDED : percent >= 80 ? WARNING : NORMAL;
    progress.setMin(0);
    progress.setMax(100);
    progress.setValue(Math.min(percent, 100));
    progress.removeThemeVariants(ProgressBarVariant.LUMO_SUCCESS, ProgressBarVariant.LUMO_ERROR);
    progress.getElement().getThemeList().remove(WARNING);
    progress.getStyle().remove("--lumo-primary-color");
    switch (level) {
      case NORMAL -> progress.addThemeVariants(ProgressBarVariant.LUMO_SUCCESS);
      case EXCEEDED -> progress.addThemeVariants(ProgressBarVariant.LUMO_ERROR);
      default -> {
        progress.getElement().getThemeList().add(WARNING);
        progress.getStyle().set("--lumo-primary-color", "var(--lumo-warning-color)");
      }
    }
    progress.getElement().setAttribute("data-level", level);
    String text = Money.count(calls, l) + " of " + Money.count(included, l) + " included calls used (" + percent + "%)";
    usageText.setText(switch (level) {
      case EXCEEDED -> text + ": over the included calls, overage applies";
      case WARNING -> text + ": approaching the included calls";
      default -> text;
    });
  }

  private void askToChange() {
    String code = planSelect.getValue();
    if (code == null || code.equals(currentCode)) {
      return;
    }
    confirm.setHeader("Change plan to " + planLabel(code) + "?");
    confirm.setText(PRORATION);
    confirm.open();
  }

  /** Called when the change is confirmed. */
  void changePlan() {
    String code = planSelect.getValue();
    if (code == null) {
      return;
    }
    try {
      render(planChanges.change(actor, code));
      change.setEnabled(false);
      status.setText("Plan changed to " + planLabel(code) + ".");
      onChanged.run();
    } catch (InvalidInputException e) {
      status.setText("The plan was not changed: " + e.getMessage());
    } catch (UnavailableException e) {
      status.setText("The plan was not changed: billing is unavailable right now. Try again shortly.");
    }
  }

  private void unavailable() {
    facts.removeAll();
    usageText.setText("");
    progress.setVisible(false);
    planSelect.setEnabled(false);
    change.setEnabled(false);
    status.setText("Billing is unavailable right now, so the plan cannot be shown. Try Refresh in a moment.");
  }

  private String planLabel(String code) {
    return plans.stream().filter(p -> p.path("code").asString().equals(code)).findFirst()
        .map(p -> p.path("name").asString(code) + " · "
            + Money.format(p.path("basePriceMinor").asLong(0), p.path("currency").asString("EUR"), locale.get()) + " / month")
        .orElse(code);
  }

  private static String period(JsonNode answer) {
    String start = answer.path("periodStart").asString("");
    String end = answer.path("periodEnd").asString("");
    return start.isEmpty() ? "" : "Current period: " + BillingFormats.period(start, end) + " (UTC).";
  }

  private void fact(String label, String value, String id) {
    Span v = new Span(value);
    v.setId(id);
    v.getStyle().set("font-weight", "600");
    Span caption = new Span(label);
    caption.addClassName("flowgate-metric-label");
    Div fact = new Div(caption, v);
    fact.getStyle().set("display", "flex").set("flex-direction", "column");
    facts.add(fact);
  }
}
