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
  static volatile boolean failing;

  private static HttpServer server;

  static final Map<String, String> plans = new ConcurrentHashMap<>();

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
      respond(exchange, 200, invoice(tenant).replace("\"status\":\"paid\"", "\"status\":\"draft\""));
    } else if (rest.equals("invoices/inv_" + tenant)) {
      respond(exchange, 200, invoice(tenant));
    } else {
      respond(exchange, 404, "{\"type\":\"https://flowgate.dev/problems/not-found\",\"status\":404}");
    }
  }

  private static String plan(String tenant) {
    return "{\"tenantId\":\"" + tenant + "\",\"plan\":{\"code\":\"" + plans.getOrDefault(tenant, "free")
        + "\",\"currency\":\"EUR\",\"basePriceMinor\":0},\"callsThisPeriod\":7}";
  }

  private static String invoice(String tenant) {
    return "{\"id\":\"inv_" + tenant + "\",\"tenantId\":\"" + tenant + "\",\"status\":\"paid\",\"currency\":\"EUR\","
        + "\"totalMinor\":1900,\"lineItems\":[{\"kind\":\"base\",\"amountMinor\":1900}]}";
  }

  private static void respond(HttpExchange exchange, int status, String json) throws IOException {
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
        byte[] body = failing
            ? "{\"status\":500}".getBytes(StandardCharsets.UTF_8)
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
      server.start();
    }
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }
}
