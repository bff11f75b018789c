package dev.flowgate.portal;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;

/** Billing's internal usage, plan and invoice API, stubbed with the JDK HTTP server; one per test JVM. */
public final class StubBilling {

  static final AtomicReference<URI> lastRequest = new AtomicReference<>();
  static final AtomicReference<String> lastAuthorization = new AtomicReference<>();
  static final AtomicReference<String> lastTraceparent = new AtomicReference<>();
  static volatile boolean failing;

  private static HttpServer server;

  static final Map<String, String> plans = new ConcurrentHashMap<>();
  /** Calls this period by tenant id (7 when not set). */
  static final Map<String, Long> calls = new ConcurrentHashMap<>();
  /** A usage answer's totals and series JSON by tenant id (the default report when not set). */
  static final Map<String, String> usage = new ConcurrentHashMap<>();
  /** The usage alerts JSON ({@code {"items":[...]}}, billing's shape) by tenant id (one 80% alert when not set). */
  static final Map<String, String> alerts = new ConcurrentHashMap<>();

  static final Map<String, String> PLANS = Map.of(
      "free", "{\"code\":\"free\",\"name\":\"Free\",\"currency\":\"EUR\",\"basePriceMinor\":0,"
          + "\"includedCalls\":1000,\"overagePerThousandMinor\":0,\"hardLimitCalls\":1000}",
      "pro", "{\"code\":\"pro\",\"name\":\"Pro\",\"currency\":\"EUR\",\"basePriceMinor\":4900,"
          + "\"includedCalls\":100000,\"overagePerThousandMinor\":50,\"hardLimitCalls\":null}",
      "business", "{\"code\":\"business\",\"name\":\"Business\",\"currency\":\"EUR\",\"basePriceMinor\":19900,"
          + "\"includedCalls\":1000000,\"overagePerThousandMinor\":30,\"hardLimitCalls\":5000000}");

  private StubBilling() {}

  /** Plans and invoices: {@code inv_<tenant id>} is the tenant's one invoice; other ids answer 404. */
  private static void tenants(HttpExchange exchange) throws IOException {
    lastRequest.set(exchange.getRequestURI());
    lastAuthorization.set(exchange.getRequestHeaders().getFirst("Authorization"));
    String[] parts = exchange.getRequestURI().getPath().split("/");
    String tenant = parts[4];
    String rest = String.join("/", java.util.Arrays.copyOfRange(parts, 5, parts.length));
    if (failing) {
      respond(exchange, 500, "{\"status\":500}");
    } else if (rest.equals("plan") && exchange.getRequestMethod().equals("PUT")) {
      String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
      String code = body.replaceAll(".*\"planCode\"\\s*:\\s*\"([^\"]*)\".*", "$1");
      if (code.equals("gold")) {
        respond(exchange, 400, "{\"type\":\"https://flowgate.dev/problems/validation-error\",\"status\":400,\"detail\":\"unknown plan gold\"}");
      } else {
        plans.put(tenant, code);
        respond(exchange, 200, plan(tenant));
      }
    } else if (rest.equals("plan")) {
      respond(exchange, 200, plan(tenant));
    } else if (rest.equals("invoices")) {
      respond(exchange, 200, "{\"items\":[" + invoice(tenant) + "],\"page\":0,\"size\":20,\"total\":1}");
    } else if (rest.equals("invoices/upcoming")) {
      respond(exchange, 200, upcoming(tenant));
    } else if (rest.equals("invoices/inv_" + tenant)) {
      respond(exchange, 200, invoice(tenant));
    } else if (rest.equals("invoices/inv_" + tenant + "/pdf")) {
      byte[] pdf = ("%PDF-1.4\n% invoice inv_" + tenant + "\n%%EOF\n").getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().add("Content-Type", "application/pdf");
      exchange.sendResponseHeaders(200, pdf.length);
      exchange.getResponseBody().write(pdf);
      exchange.close();
    } else if (rest.equals("alerts")) {
      respond(exchange, 200, alerts.getOrDefault(tenant, "{\"items\":[{\"period\":\"2026-11\",\"thresholdPercent\":80,"
          + "\"usedCalls\":800,\"includedCalls\":1000,\"createdAt\":\"2026-11-20T14:02:00Z\"}]}"));
    } else if (rest.equals("credits") && exchange.getRequestMethod().equals("POST")) {
      StubBillingAdmin.issueCredit(exchange, tenant);
    } else if (rest.equals("credits")) {
      respond(exchange, 200, "{\"items\":[" + String.join(",", StubBillingAdmin.credits(tenant)) + "]}");
    } else {
      respond(exchange, 404, "{\"type\":\"https://flowgate.dev/problems/not-found\",\"status\":404}");
    }
  }

  private static String plan(String tenant) {
    String code = plans.getOrDefault(tenant, "free");
    return "{\"tenantId\":\"" + tenant + "\",\"plan\":" + PLANS.getOrDefault(code, PLANS.get("free")).replace("\"free\"", "\"" + code + "\"")
        + ",\"periodStart\":\"2026-11-01T00:00:00Z\",\"periodEnd\":\"2026-12-01T00:00:00Z\","
        + "\"callsThisPeriod\":" + calls.getOrDefault(tenant, 7L) + "}";
  }

  private static String invoice(String tenant) {
    return "{\"id\":\"inv_" + tenant + "\",\"tenantId\":\"" + tenant + "\",\"number\":\"FG-2026-10-0042\","
        + "\"periodStart\":\"2026-10-01T00:00:00Z\",\"periodEnd\":\"2026-11-01T00:00:00Z\",\"status\":\"paid\",\"currency\":\"EUR\","
        + "\"subtotalMinor\":1900,\"totalMinor\":1900,\"lineItems\":[{\"kind\":\"base\",\"description\":\"Starter plan, October 2026\","
        + "\"quantity\":1,\"unitAmountMinor\":1900,\"amountMinor\":1900}]}";
  }

  /** The running bill: the base fee plus 5,000 calls of overage at 0.50 per 1,000. */
  private static String upcoming(String tenant) {
    return "{\"id\":\"upcoming\",\"tenantId\":\"" + tenant + "\",\"number\":null,"
        + "\"periodStart\":\"2026-11-01T00:00:00Z\",\"periodEnd\":\"2026-12-01T00:00:00Z\",\"status\":\"draft\",\"currency\":\"EUR\","
        + "\"subtotalMinor\":2150,\"totalMinor\":2150,\"lineItems\":["
        + "{\"kind\":\"base\",\"description\":\"Starter plan, November 2026\",\"quantity\":1,\"unitAmountMinor\":1900,\"amountMinor\":1900},"
        + "{\"kind\":\"overage\",\"description\":\"Calls over the included amount\",\"quantity\":5000,\"unitAmountMinor\":50,\"amountMinor\":250}]}";
  }

  static void respond(HttpExchange exchange, int status, String json) throws IOException {
    byte[] body = json.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().add("Content-Type", status >= 400 ? "application/problem+json" : "application/json");
    exchange.sendResponseHeaders(status, body.length);
    exchange.getResponseBody().write(body);
    exchange.close();
  }

  static synchronized String url() {
    if (server == null) {
      try {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      server.createContext("/internal/v1/usage", exchange -> {
        lastRequest.set(exchange.getRequestURI());
        lastAuthorization.set(exchange.getRequestHeaders().getFirst("Authorization"));
        lastTraceparent.set(exchange.getRequestHeaders().getFirst("traceparent"));
        String query = exchange.getRequestURI().getRawQuery();
        String tenant = query == null ? "" : query.replaceAll(".*tenantId=([^&]*).*", "$1");
        String custom = usage.get(tenant);
        byte[] body = failing
            ? "{\"status\":500}".getBytes(StandardCharsets.UTF_8)
            : custom != null ? ("{\"tenantId\":\"" + tenant + "\"," + custom + "}").getBytes(StandardCharsets.UTF_8)
            : """
                {"tenantId":"t","from":"f","to":"t","granularity":"day","groupBy":"none",
                 "totals":{"calls":42,"errors":3,"serverErrors":1,"requestBytes":100,"responseBytes":200},
                 "series":[]}""".getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(failing ? 500 : 200, body.length);
        exchange.getResponseBody().write(body);
        exchange.close();
      });
      server.createContext("/internal/v1/tenants/", StubBilling::tenants);
      server.createContext("/internal/v1/admin/", StubBillingAdmin::handle);
      server.createContext("/internal/v1/plans", exchange -> {
        lastRequest.set(exchange.getRequestURI());
        if (failing) {
          respond(exchange, 500, "{\"status\":500}");
        } else {
          respond(exchange, 200, "[" + PLANS.get("free") + "," + PLANS.get("pro") + "," + PLANS.get("business") + "]");
        }
      });
      // a cached pool: a streaming export held open must not stall the other stubbed calls
      server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
      server.start();
    }
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }
}
