package dev.flowgate.portal.billing;

import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Span;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** How the billing screens show periods, invoice states and line items. */
public final class BillingFormats {

  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd").withZone(ZoneOffset.UTC);

  private BillingFormats() {}

  /** A period as dates; billing's end is exclusive, so the last day shown is the day before it. */
  public static String period(String start, String end) {
    try {
      Instant from = Instant.parse(start);
      Instant to = Instant.parse(end);
      return DAY.format(from) + " – " + DAY.format(to.isAfter(from) ? to.minusNanos(1) : to);
    } catch (DateTimeParseException e) {
      return start + " – " + end;
    }
  }

  public static String period(JsonNode invoice) {
    return period(invoice.path("periodStart").asString(""), invoice.path("periodEnd").asString(""));
  }

  /** A Lumo badge for an invoice state: paid green, payment failed red, open blue, draft and void grey. */
  public static Span statusBadge(String status) {
    Span badge = new Span(switch (status) {
      case "payment_failed" -> "Payment failed";
      case "" -> "Unknown";
      default -> status.substring(0, 1).toUpperCase(Locale.ROOT) + status.substring(1);
    });
    badge.getElement().getThemeList().add("badge");
    switch (status) {
      case "paid" -> badge.getElement().getThemeList().add("success");
      case "payment_failed" -> badge.getElement().getThemeList().add("error");
      case "open" -> { }
      default -> badge.getElement().getThemeList().add("contrast");
    }
    badge.getElement().setAttribute("data-status", status);
    return badge;
  }

  /** A grid of an invoice's line items, amounts in the invoice's currency. */
  static Grid<JsonNode> lineItems(String id, Supplier<Locale> locale) {
    Grid<JsonNode> grid = new Grid<>();
    grid.setId(id);
    grid.setAriaLabel("Line items");
    grid.addColumn(l -> l.path("description").asString(l.path("kind").asString())).setHeader("Description").setFlexGrow(3);
    grid.addColumn(l -> l.path("kind").asString()).setHeader("Kind").setFlexGrow(1);
    grid.addColumn(l -> Money.count(l.path("quantity").asLong(0), locale.get())).setHeader("Quantity").setFlexGrow(1)
        .setTextAlign(ColumnTextAlign.END);
    grid.addColumn(l -> Money.format(l.path("unitAmountMinor").asLong(0), l.path("_currency").asString(""), locale.get()))
        .setHeader("Unit price").setFlexGrow(1).setTextAlign(ColumnTextAlign.END);
    grid.addColumn(l -> Money.format(l.path("amountMinor").asLong(0), l.path("_currency").asString(""), locale.get()))
        .setHeader("Amount").setFlexGrow(1).setTextAlign(ColumnTextAlign.END);
    grid.setAllRowsVisible(true);
    grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_NO_BORDER);
    grid.setEmptyStateText("No line items.");
    return grid;
  }

  /** The invoice's line items, each told the invoice's currency (line items carry none of their own). */
  static List<JsonNode> linesOf(JsonNode invoice) {
    String currency = invoice.path("currency").asString("");
    List<JsonNode> lines = new ArrayList<>();
    for (JsonNode line : invoice.path("lineItems")) {
      if (line instanceof ObjectNode object) {
        lines.add(object.deepCopy().put("_currency", currency));
      }
    }
    return lines;
  }
}
