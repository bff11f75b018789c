package dev.flowgate.portal;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/** Billing's cross-tenant internal API ({@code /internal/v1/admin/...}) and tenants' credits, in {@link StubBilling}. */
final class StubBillingAdmin {

  /** Tenants billing reports usage for, in the order registered: tenant id → plan code and calls. */
  static final Map<String, long[]> usageCalls = new ConcurrentHashMap<>();
  static final Map<String, String> usagePlans = new ConcurrentHashMap<>();
  static final Map<String, List<String>> credits = new ConcurrentHashMap<>();
  /** Rows each CSV export streams. */
  static volatile int exportRows = 5;
  /** When set, an export writes half its rows, then waits for this gate before the rest. */
  static volatile CountDownLatch exportGate;

  private StubBillingAdmin() {}

  static void handle(HttpExchange exchange) throws IOException {
    StubBilling.lastRequest.set(exchange.getRequestURI());
    StubBilling.lastAuthorization.set(exchange.getRequestHeaders().getFirst("Authorization"));
    String path = exchange.getRequestURI().getPath().substring("/internal/v1/admin/".length());
    String query = exchange.getRequestURI().getRawQuery() == null ? "" : exchange.getRequestURI().getRawQuery();
    if (StubBilling.failing) {
      StubBilling.respond(exchange, 500, "{\"status\":500}");
    } else if (path.equals("revenue")) {
      StubBilling.respond(exchange, 200, revenue(Integer.parseInt(param(query, "months", "12"))));
    } else if (path.equals("usage")) {
      StubBilling.respond(exchange, 200, usage(param(query, "period", "2026-11")));
    } else if (path.equals("invoices")) {
      StubBilling.respond(exchange, 200, invoices(param(query, "status", "")));
    } else if (path.startsWith("exports/")) {
      export(exchange, path.substring("exports/".length()));
    } else {
      StubBilling.respond(exchange, 404, "{\"status\":404}");
    }
  }

  private static String param(String query, String name, String fallback) {
    for (String pair : query.split("&")) {
      if (pair.startsWith(name + "=")) {
        return pair.substring(name.length() + 1);
      }
    }
    return fallback;
  }

  /** Month i (oldest first) has i+1 tenants and (i+1)*1000 calls; invoiced 4900*(i+1), paid all but the last month. */
  private static String revenue(int months) {
    List<String> rows = new ArrayList<>();
    List<String> byPlan = new ArrayList<>();
    YearMonth last = YearMonth.of(2026, 11);
    for (int i = 0; i < months; i++) {
      YearMonth period = last.minusMonths(months - 1 - i);
      long invoiced = 4900L * (i + 1);
      long paid = i == months - 1 ? 0 : invoiced;
      rows.add("{\"period\":\"" + period + "\",\"tenants\":" + (i + 1) + ",\"calls\":" + (i + 1) * 1000L
          + ",\"invoicedMinor\":" + invoiced + ",\"paidMinor\":" + paid + ",\"openMinor\":" + (invoiced - paid)
          + ",\"currency\":\"EUR\"}");
      // the month's invoices split over two plans: starter 2900 and growth 2000 per tenant
      byPlan.add("{\"period\":\"" + period + "\",\"planCode\":\"growth\",\"currency\":\"EUR\",\"invoices\":"
          + (i + 1) + ",\"invoicedMinor\":" + 2000L * (i + 1) + "}");
      byPlan.add("{\"period\":\"" + period + "\",\"planCode\":\"starter\",\"currency\":\"EUR\",\"invoices\":"
          + (i + 1) + ",\"invoicedMinor\":" + 2900L * (i + 1) + "}");
    }
    return "{\"months\":[" + String.join(",", rows) + "],\"byPlan\":[" + String.join(",", byPlan) + "]}";
  }

  private static String usage(String period) {
    List<String> rows = new ArrayList<>();
    usageCalls.forEach((tenant, calls) -> rows.add("{\"tenantId\":\"" + tenant + "\",\"planCode\":\""
        + usagePlans.getOrDefault(tenant, "free") + "\",\"calls\":" + calls[0] + ",\"errors\":" + calls[0] / 10
        + ",\"includedCalls\":1000,\"amountDueMinor\":" + Math.max(0, calls[0] - 1000) + ",\"currency\":\"EUR\","
        + "\"invoiceId\":\"inv_" + tenant + "\",\"invoiceStatus\":\"open\"}"));
    return "{\"period\":\"" + period + "\",\"rows\":[" + String.join(",", rows) + "]}";
  }

  /** Every registered tenant has one paid and one open invoice; {@code status} filters. */
  private static String invoices(String status) {
    List<String> items = new ArrayList<>();
    usageCalls.keySet().forEach(tenant -> {
      for (String state : List.of("paid", "open")) {
        if (status.isEmpty() || status.equals(state)) {
          items.add("{\"id\":\"inv_" + state + "_" + tenant + "\",\"tenantId\":\"" + tenant + "\",\"number\":\"FG-" + state
              + "\",\"period\":\"2026-10\",\"status\":\"" + state + "\",\"totalMinor\":1900,\"currency\":\"EUR\"}");
        }
      }
    });
    return "{\"items\":[" + String.join(",", items) + "],\"page\":0,\"size\":20,\"total\":" + items.size() + "}";
  }

  private static void export(HttpExchange exchange, String file) throws IOException {
    int rows = exportRows;
    exchange.getResponseHeaders().add("Content-Type", "text/csv; charset=utf-8");
    exchange.getResponseHeaders().add("X-Total-Rows", Integer.toString(rows));
    exchange.sendResponseHeaders(200, 0); // chunked: billing streams, it does not know the length
    try (OutputStream out = exchange.getResponseBody()) {
      String header = file.startsWith("usage") ? "tenant_id,day,calls,errors\n" : "invoice_id,tenant_id,period,status,total_minor,currency\n";
      out.write(header.getBytes(StandardCharsets.UTF_8));
      for (int i = 0; i < rows; i++) {
        if (i == rows / 2 && exportGate != null) {
          out.flush();
          awaitGate();
        }
        String row = file.startsWith("usage")
            ? UUID.nameUUIDFromBytes(Integer.toString(i % 7).getBytes()) + ",2026-11-" + String.format("%02d", 1 + i % 28) + "," + i + ",0\n"
            : "inv_" + i + "," + UUID.nameUUIDFromBytes(Integer.toString(i % 7).getBytes()) + ",2026-10,paid,1900,EUR\n";
        out.write(row.getBytes(StandardCharsets.UTF_8));
      }
    }
  }

  /** A gate that never opens cuts the export short, so a test that waits for it cannot pass by waiting. */
  private static void awaitGate() throws IOException {
    try {
      if (!exportGate.await(20, TimeUnit.SECONDS)) {
        throw new IOException("export gate never opened");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException(e);
    }
  }

  static void issueCredit(HttpExchange exchange, String tenant) throws IOException {
    String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
    long amount = Long.parseLong(body.replaceAll("(?s).*\"amountMinor\"\\s*:\\s*(-?\\d+).*", "$1"));
    String reason = body.replaceAll("(?s).*\"reason\"\\s*:\\s*\"([^\"]*)\".*", "$1");
    String actor = body.replaceAll("(?s).*\"actor\"\\s*:\\s*\"([^\"]*)\".*", "$1");
    if (amount > 50_000_000L) {
      StubBilling.respond(exchange, 400, "{\"status\":400,\"detail\":\"too large\","
          + "\"errors\":[{\"field\":\"amountMinor\",\"message\":\"exceeds the tenant's billed total\"}]}");
      return;
    }
    String credit = "{\"id\":\"cr_" + UUID.randomUUID().toString().substring(0, 8) + "\",\"tenantId\":\"" + tenant
        + "\",\"amountMinor\":" + amount + ",\"currency\":\"EUR\",\"reason\":\"" + reason + "\",\"actor\":\"" + actor
        + "\",\"createdAt\":\"2026-11-23T12:00:00Z\"}";
    credits.computeIfAbsent(tenant, t -> new CopyOnWriteArrayList<>()).add(credit);
    StubBilling.respond(exchange, 201, credit);
  }

  static List<String> credits(String tenant) {
    return credits.getOrDefault(tenant, List.of());
  }
}
