package dev.flowgate.billing.stripe;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;

/** A JDK HTTP server shaped like the few Stripe endpoints billing calls; it records every request. */
final class FakeStripe implements AutoCloseable {

  record Request(String method, String path, String body, @Nullable String idempotencyKey) {}

  final List<Request> requests = Collections.synchronizedList(new ArrayList<>());
  /** Invoices returned by {@code GET /v1/invoices}, as JSON objects. */
  final List<String> listedInvoices = Collections.synchronizedList(new ArrayList<>());
  volatile int failWithStatus;
  volatile String failWithBody = "{\"error\":{\"type\":\"api_error\",\"message\":\"Stripe is having a bad day\"}}";

  private final HttpServer server;
  private final AtomicInteger items = new AtomicInteger();

  FakeStripe() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/", this::handle);
    server.start();
  }

  String apiBase() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  List<Request> posts() {
    return requests.stream().filter(r -> r.method().equals("POST")).toList();
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      String body = URLDecoder.decode(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8),
          StandardCharsets.UTF_8);
      String path = exchange.getRequestURI().getPath();
      String method = exchange.getRequestMethod();
      requests.add(new Request(method, path, body, exchange.getRequestHeaders().getFirst("Idempotency-Key")));
      if (failWithStatus != 0) {
        send(exchange, failWithStatus, failWithBody);
        return;
      }
      String reply;
      if (method.equals("GET") && path.equals("/v1/invoices")) {
        reply = "{\"object\":\"list\",\"url\":\"/v1/invoices\",\"has_more\":false,\"data\":["
            + String.join(",", listedInvoices) + "]}";
      } else if (path.equals("/v1/customers")) {
        reply = "{\"id\":\"cus_fake\",\"object\":\"customer\"}";
      } else if (path.equals("/v1/invoices")) {
        reply = invoice("in_new", "draft", "null", "[]");
      } else if (path.equals("/v1/invoiceitems")) {
        reply = "{\"id\":\"ii_" + items.incrementAndGet() + "\",\"object\":\"invoiceitem\"}";
      } else if (path.endsWith("/finalize")) {
        reply = invoice(path.split("/")[3], "open", "null", "[]");
      } else {
        send(exchange, 404, "{\"error\":{\"type\":\"invalid_request_error\",\"message\":\"Unrecognized request URL\"}}");
        return;
      }
      send(exchange, 200, reply);
    }
  }

  static String invoice(String id, String status, String paidAt, String lines) {
    return """
        {"id":"%s","object":"invoice","status":"%s","metadata":{},
         "status_transitions":{"finalized_at":null,"paid_at":%s},
         "lines":{"object":"list","url":"/v1/invoices/%s/lines","has_more":false,"data":%s}}
        """.formatted(id, status, paidAt, id, lines);
  }

  static String invoiceFor(String id, String flowgateInvoiceId, String status, String paidAt, String lines) {
    return invoice(id, status, paidAt, lines).replace("\"metadata\":{}",
        "\"metadata\":{\"flowgate_invoice_id\":\"" + flowgateInvoiceId + "\"}");
  }

  private static void send(HttpExchange exchange, int status, String json) throws IOException {
    byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", "application/json");
    exchange.getResponseHeaders().set("Request-Id", "req_fake");
    exchange.sendResponseHeaders(status, bytes.length);
    exchange.getResponseBody().write(bytes);
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
