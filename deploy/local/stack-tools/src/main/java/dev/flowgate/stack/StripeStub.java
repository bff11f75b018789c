package dev.flowgate.stack;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Stripe-compatible stub for the local stack: enough of {@code /v1} for billing's customers,
 * invoice items and invoices through the real stripe-java client
 * ({@code StripeClient.builder().setApiBase("http://127.0.0.1:12111")}). State lives in memory.
 *
 * <p>With {@code STRIPE_STUB_WEBHOOK_URL} and {@code STRIPE_WEBHOOK_SECRET} set it delivers signed
 * {@code invoice.finalized} and {@code invoice.paid} events there.
 *
 * <p>Usage: {@code StripeStub [port]} (default 12111, or env {@code STRIPE_STUB_PORT}).
 */
public final class StripeStub {

    /** Used in events until a client has told its version through the {@code Stripe-Version} header. */
    static final String DEFAULT_API_VERSION = "2026-07-29.dahlia";

    private static final Pattern ROUTE = Pattern.compile(
            "^/v1/(customers|invoices|invoiceitems)(?:/([A-Za-z0-9_]+))?(?:/(finalize|pay))?/?$");
    private static final Map<String, String> OBJECT_NAMES =
            Map.of("customers", "customer", "invoices", "invoice", "invoiceitems", "invoiceitem");

    private final HttpServer server;
    private final StripeLedger ledger;
    private final WebhookSender webhooks;
    private final Map<String, String> idempotentReplies = new ConcurrentHashMap<>();
    private volatile String apiVersion = DEFAULT_API_VERSION;

    private StripeStub(int port, URI webhookUrl, String webhookSecret, Duration retryDelay) throws IOException {
        Clock clock = Clock.systemUTC();
        this.webhooks = webhookUrl == null || webhookSecret == null ? null
                : new WebhookSender(webhookUrl, webhookSecret, () -> apiVersion, clock, retryDelay);
        this.ledger = new StripeLedger(clock, (type, invoice) -> {
            if (webhooks != null) {
                webhooks.send(type, invoice);
            }
        });
        this.server = HttpExchanges.loopbackServer(port);
        server.createContext("/", this::handle);
    }

    /** Starts a stub on 127.0.0.1; port 0 picks a free one; null webhook settings send none. */
    public static StripeStub start(int port, URI webhookUrl, String webhookSecret) throws IOException {
        return start(port, webhookUrl, webhookSecret, Duration.ofSeconds(1));
    }

    static StripeStub start(int port, URI webhookUrl, String webhookSecret, Duration retryDelay) throws IOException {
        StripeStub stub = new StripeStub(port, webhookUrl, webhookSecret, retryDelay);
        stub.server.start();
        return stub;
    }

    public int port() {
        return server.getAddress().getPort();
    }

    public void stop() {
        server.stop(0);
        if (webhooks != null) {
            webhooks.close();
        }
    }

    public static void main(String[] args) throws IOException {
        String url = System.getenv("STRIPE_STUB_WEBHOOK_URL");
        String secret = System.getenv("STRIPE_WEBHOOK_SECRET");
        boolean signed = url != null && !url.isBlank() && secret != null && !secret.isBlank();
        StripeStub stub = start(Ports.fromArgsOrEnv(args, "STRIPE_STUB_PORT", 12111),
                signed ? URI.create(url) : null, signed ? secret : null);
        Runtime.getRuntime().addShutdownHook(new Thread(stub::stop, "stripe-stub-shutdown"));
        System.out.println("Stripe stub listening on 127.0.0.1:" + stub.port()
                + (signed ? ", webhooks to " + url : ", webhooks off (STRIPE_STUB_WEBHOOK_URL or STRIPE_WEBHOOK_SECRET unset)"));
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String requestId = "req_" + UUID.randomUUID().toString().replace("-", "").substring(0, 14);
            exchange.getResponseHeaders().set("Request-Id", requestId);
            String version = exchange.getRequestHeaders().getFirst("Stripe-Version");
            if (version != null && !version.isBlank()) {
                apiVersion = version;
            }
            String method = exchange.getRequestMethod();
            String idempotencyKey = "POST".equals(method) ? exchange.getRequestHeaders().getFirst("Idempotency-Key") : null;
            if (idempotencyKey != null && idempotentReplies.containsKey(idempotencyKey)) {
                exchange.getResponseHeaders().set("Idempotent-Replayed", "true");
                HttpExchanges.sendRawJson(exchange, 200, idempotentReplies.get(idempotencyKey));
                return;
            }
            try {
                String auth = exchange.getRequestHeaders().getFirst("Authorization");
                if (auth == null || !auth.startsWith("Bearer ") || auth.length() <= "Bearer ".length()) {
                    throw new StripeError(401, "invalid_request_error", null,
                            "You did not provide an API key. Provide it as a Bearer token in the Authorization header.", null);
                }
                Map<String, Object> params = FormData.parse("POST".equals(method)
                        ? HttpExchanges.readBody(exchange) : exchange.getRequestURI().getRawQuery());
                String reply = Json.write(route(method, exchange.getRequestURI().getPath(), params));
                if (idempotencyKey != null) {
                    idempotentReplies.put(idempotencyKey, reply);
                }
                HttpExchanges.sendRawJson(exchange, 200, reply);
            } catch (StripeError e) {
                HttpExchanges.sendJson(exchange, e.status(), e.body(requestId));
            } catch (RuntimeException e) {
                HttpExchanges.sendJson(exchange, 400, new StripeError(400, "invalid_request_error", null,
                        "Invalid request: " + e.getMessage(), null).body(requestId));
            }
        }
    }

    private Map<String, Object> route(String method, String path, Map<String, Object> params) {
        Matcher m = ROUTE.matcher(path);
        if (!m.matches()) {
            throw new StripeError(404, "invalid_request_error", null,
                    "Unrecognized request URL (" + method + ": " + path + ").", null);
        }
        String resource = m.group(1);
        String id = m.group(2);
        String action = m.group(3);
        boolean post = "POST".equals(method);
        if (!post && !"GET".equals(method)) {
            throw new StripeError(405, "invalid_request_error", null, "Unsupported method " + method + ".", null);
        }
        if (id == null) {
            if (action != null) {
                throw new StripeError(404, "invalid_request_error", null, "Unrecognized request URL (" + method + ": " + path + ").", null);
            }
            return post ? create(resource, params) : ledger.list(OBJECT_NAMES.get(resource), "/v1/" + resource, params);
        }
        if (action != null) {
            if (!post || !resource.equals("invoices")) {
                throw new StripeError(404, "invalid_request_error", null, "Unrecognized request URL (" + method + ": " + path + ").", null);
            }
            return action.equals("finalize") ? ledger.finalizeInvoice(id) : ledger.payInvoice(id);
        }
        return post ? ledger.update(OBJECT_NAMES.get(resource), id, params) : ledger.get(OBJECT_NAMES.get(resource), id);
    }

    private Map<String, Object> create(String resource, Map<String, Object> params) {
        return switch (resource) {
            case "customers" -> ledger.createCustomer(params);
            case "invoiceitems" -> ledger.createInvoiceItem(params);
            default -> ledger.createInvoice(params);
        };
    }
}
