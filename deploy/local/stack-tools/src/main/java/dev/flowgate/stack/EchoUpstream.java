package dev.flowgate.stack;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Demo upstream for the local stack, in the spirit of httpbin's {@code /anything}.
 *
 * <ul>
 *   <li>{@code /health}: 200 {@code {"status":"UP"}}</li>
 *   <li>{@code /status/{code}}: answers with that status</li>
 *   <li>{@code /delay/{ms}}: waits that long (at most 60 s), then echoes</li>
 *   <li>anything else: 200 with {@code {method, path, query, headers, body}}</li>
 * </ul>
 * Paths are matched at their end too, so {@code /echo/status/503} behind a gateway that does not
 * strip its prefix behaves like {@code /status/503}.
 *
 * <p>Usage: {@code EchoUpstream [port]} (default 9100, or env {@code ECHO_UPSTREAM_PORT}).
 */
public final class EchoUpstream {

    private static final Pattern STATUS = Pattern.compile("(?:^|.*/)status/(\\d{3})/?$");
    private static final Pattern DELAY = Pattern.compile("(?:^|.*/)delay/(\\d{1,6})/?$");
    private static final long MAX_DELAY_MS = 60_000;

    private final HttpServer server;

    private EchoUpstream(HttpServer server) {
        this.server = server;
    }

    /** Starts an upstream on 127.0.0.1; port 0 picks a free one. */
    public static EchoUpstream start(int port) throws IOException {
        HttpServer server = HttpExchanges.loopbackServer(port);
        server.createContext("/", EchoUpstream::handle);
        server.start();
        return new EchoUpstream(server);
    }

    public int port() {
        return server.getAddress().getPort();
    }

    public void stop() {
        server.stop(0);
    }

    public static void main(String[] args) throws IOException {
        EchoUpstream upstream = start(Ports.fromArgsOrEnv(args, "ECHO_UPSTREAM_PORT", 9100));
        Runtime.getRuntime().addShutdownHook(new Thread(upstream::stop, "echo-upstream-shutdown"));
        System.out.println("Echo upstream listening on 127.0.0.1:" + upstream.port());
    }

    private static void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getRawPath();
            String body = HttpExchanges.readBody(exchange);
            if (path.equals("/health")) {
                HttpExchanges.sendJson(exchange, 200, Map.of("status", "UP"));
                return;
            }
            Matcher status = STATUS.matcher(path);
            if (status.matches()) {
                int code = Integer.parseInt(status.group(1));
                if (code >= 200 && code < 600) {
                    sendStatus(exchange, code, body);
                    return;
                }
            }
            Matcher delay = DELAY.matcher(path);
            if (delay.matches()) {
                sleep(Math.min(Long.parseLong(delay.group(1)), MAX_DELAY_MS));
            }
            HttpExchanges.sendJson(exchange, 200, echo(exchange, body));
        }
    }

    private static void sendStatus(HttpExchange exchange, int code, String body) throws IOException {
        // 1xx, 204 and 304 must not carry a body
        if (code == 204 || code == 304) {
            exchange.sendResponseHeaders(code, -1);
            return;
        }
        Map<String, Object> echoed = echo(exchange, body);
        echoed.put("status", code);
        HttpExchanges.sendJson(exchange, code, echoed);
    }

    private static Map<String, Object> echo(HttpExchange exchange, String body) {
        Map<String, Object> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        exchange.getRequestHeaders().forEach((name, values) ->
                headers.put(name, values.size() == 1 ? values.getFirst() : List.copyOf(values)));
        Map<String, Object> echoed = new LinkedHashMap<>();
        echoed.put("method", exchange.getRequestMethod());
        echoed.put("path", exchange.getRequestURI().getRawPath());
        echoed.put("query", exchange.getRequestURI().getRawQuery() == null ? "" : exchange.getRequestURI().getRawQuery());
        echoed.put("headers", headers);
        echoed.put("body", body);
        return echoed;
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
