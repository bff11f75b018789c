package dev.flowgate.portal.billing;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.icon.VaadinIcon;
import dev.flowgate.portal.base.problems.NotFoundException;
import dev.flowgate.portal.base.problems.UnavailableException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.UUID;
import java.util.function.Supplier;
import tools.jackson.databind.JsonNode;

/**
 * The usage alerts billing raised for a tenant: when its calls reached 80% and 100% of the plan's
 * included calls in a period. Shown to the tenant on its billing page and to the billing team in
 * the tenant drill-down.
 */
public class UsageAlertsCard extends Div {

  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

  final UnorderedList list = new UnorderedList();
  final Paragraph status = new Paragraph();
  private final BillingClient billing;
  private final UUID tenantId;
  private final Supplier<Locale> locale;

  public UsageAlertsCard(BillingClient billing, UUID tenantId, Supplier<Locale> locale, String idPrefix) {
    this.billing = billing;
    this.tenantId = tenantId;
    this.locale = locale;
    setId(idPrefix + "-alerts");
    addClassName("flowgate-card");
    list.setId(idPrefix + "-alerts-list");
    status.setId(idPrefix + "-alerts-status");
    status.addClassName("flowgate-muted");
    status.getElement().setAttribute("role", "status");
    add(new H2("Usage alerts"), status, list);
  }

  public void refresh() {
    list.removeAll();
    try {
      JsonNode alerts = billing.alerts(tenantId);
      for (JsonNode alert : alerts.isArray() ? alerts : alerts.path("items")) {
        list.add(item(alert));
      }
      status.setText(list.getComponentCount() == 0
          ? "No alerts: usage has stayed below 80% of the included calls." : "");
    } catch (UnavailableException | NotFoundException e) {
      status.setText("Usage alerts are unavailable right now: billing did not answer. Try Refresh in a moment.");
    }
  }

  /** How many alerts are listed. */
  public int count() {
    return list.getComponentCount();
  }

  private ListItem item(JsonNode alert) {
    Locale l = locale.get();
    int percent = alert.path("thresholdPercent").asInt(0);
    String text = alert.path("period").asString("") + ": " + percent + "% of the included calls reached ("
        + Money.count(alert.path("usedCalls").asLong(0), l) + " of " + Money.count(alert.path("includedCalls").asLong(0), l)
        + ")" + raised(alert.path("createdAt").asString(""));
    ListItem item = new ListItem(percent >= 100 ? VaadinIcon.EXCLAMATION_CIRCLE.create() : VaadinIcon.WARNING.create());
    item.add(" " + text);
    item.getElement().setAttribute("data-threshold", Integer.toString(percent));
    item.getStyle().set("color", percent >= 100 ? "var(--lumo-error-text-color)" : "var(--lumo-warning-text-color, inherit)");
    return item;
  }

  private static String raised(String at) {
    try {
      return at.isEmpty() ? "" : ", " + TIME.format(Instant.parse(at));
    } catch (DateTimeParseException e) {
      return ", " + at;
    }
  }
}
