package dev.flowgate.stack;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Delivers Stripe events to one endpoint, signed like Stripe does:
 * {@code Stripe-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256(secret, t + "." + payload)>}.
 * Deliveries run in order on one thread and are retried three times with back-off, since the
 * receiver (billing) may still be starting when the first invoice is finalised.
 */
final class WebhookSender implements AutoCloseable {

    private static final int ATTEMPTS = 4;

    private final URI endpoint;
    private final String secret;
    private final Supplier<String> apiVersion;
    private final Clock clock;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final ExecutorService deliveries = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "stripe-webhooks");
        thread.setDaemon(true);
        return thread;
    });
    private final SecureRandom random = new SecureRandom();
    private final Duration firstRetryDelay;

    WebhookSender(URI endpoint, String secret, Supplier<String> apiVersion, Clock clock, Duration firstRetryDelay) {
        this.endpoint = endpoint;
        this.secret = secret;
        this.apiVersion = apiVersion;
        this.clock = clock;
        this.firstRetryDelay = firstRetryDelay;
    }

    void send(String type, Map<String, Object> object) {
        Map<String, Object> event = new LinkedHashMap<>();
        byte[] id = new byte[12];
        random.nextBytes(id);
        event.put("id", "evt_" + HexFormat.of().formatHex(id));
        event.put("object", "event");
        event.put("api_version", apiVersion.get());
        event.put("created", clock.instant().getEpochSecond());
        event.put("data", Map.of("object", object));
        event.put("livemode", false);
        event.put("pending_webhooks", 1L);
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("id", null);
        request.put("idempotency_key", null);
        event.put("request", request);
        event.put("type", type);
        String payload = Json.write(event);
        deliveries.submit(() -> deliver(type, payload));
    }

    private void deliver(String type, String payload) {
        Duration delay = firstRetryDelay;
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            try {
                long timestamp = clock.instant().getEpochSecond();
                HttpRequest request = HttpRequest.newBuilder(endpoint)
                        .timeout(Duration.ofSeconds(10))
                        .header("Content-Type", "application/json; charset=utf-8")
                        .header("Stripe-Signature", signatureHeader(timestamp, payload))
                        .POST(HttpRequest.BodyPublishers.ofString(payload, StandardCharsets.UTF_8))
                        .build();
                int status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
                System.out.printf("webhook %s -> %s: HTTP %d (attempt %d)%n", type, endpoint, status, attempt);
                if (status >= 200 && status < 300) {
                    return;
                }
            } catch (java.io.IOException e) {
                System.out.printf("webhook %s -> %s failed: %s (attempt %d)%n", type, endpoint, e, attempt);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            if (attempt < ATTEMPTS && !pause(delay)) {
                return;
            }
            delay = delay.multipliedBy(2);
        }
        System.out.printf("webhook %s -> %s: giving up after %d attempts%n", type, endpoint, ATTEMPTS);
    }

    String signatureHeader(long timestamp, String payload) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            byte[] digest = mac.doFinal((timestamp + "." + payload).getBytes(StandardCharsets.UTF_8));
            return "t=" + timestamp + ",v1=" + HexFormat.of().formatHex(digest);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }

    private static boolean pause(Duration delay) {
        try {
            Thread.sleep(delay);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    @Override
    public void close() {
        deliveries.shutdownNow();
    }
}
