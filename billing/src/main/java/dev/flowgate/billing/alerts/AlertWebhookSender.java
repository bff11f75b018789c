package dev.flowgate.billing.alerts;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * POSTs a new alert to the configured webhook on a virtual thread: 2xx is delivered; otherwise
 * {@code retries} more attempts with doubling back-off, then the failure is recorded on the alert.
 */
@Component
class AlertWebhookSender {

  private static final Logger log = LoggerFactory.getLogger(AlertWebhookSender.class);

  private final AlertProperties properties;
  private final UsageAlertRepository repository;
  private final JsonMapper json;
  private final Clock clock;
  private final HttpClient http;

  AlertWebhookSender(AlertProperties properties, UsageAlertRepository repository, JsonMapper json, Clock clock) {
    this.properties = properties;
    this.repository = repository;
    this.json = json;
    this.clock = clock;
    this.http = HttpClient.newBuilder().connectTimeout(properties.timeout()).build();
  }

  boolean configured() {
    return properties.webhookUrl() != null;
  }

  /** Delivers in the background (the alert row is committed by then or shortly after). */
  void deliver(UsageAlert alert) {
    if (configured()) {
      Thread.ofVirtual().name("usage-alert-" + alert.id()).start(() -> attempt(alert));
    }
  }

  private void attempt(UsageAlert alert) {
    String body = json.writeValueAsString(alert);
    Duration backoff = properties.firstBackoff();
    String error = "not attempted";
    int attempts = 0;
    for (int i = 0; i <= properties.retries(); i++) {
      attempts++;
      try {
        int status = post(body);
        if (status / 100 == 2) {
          repository.delivered(alert.id(), attempts, clock.instant());
          return;
        }
        error = "HTTP " + status;
      } catch (java.io.IOException e) {
        error = e.getClass().getSimpleName() + ": " + e.getMessage();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
      if (i < properties.retries()) {
        try {
          Thread.sleep(backoff);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return;
        }
        backoff = backoff.multipliedBy(2);
      }
    }
    log.warn("Usage alert {} of tenant {} could not be delivered: {}", alert.id(), alert.tenantId(), error);
    repository.failed(alert.id(), attempts, error);
  }

  private int post(String body) throws java.io.IOException, InterruptedException {
    String signature = WebhookSignature.header(properties.signingSecret(), clock.instant().getEpochSecond(), body);
    HttpRequest request = HttpRequest.newBuilder(URI.create(properties.webhookUrl()))
        .timeout(properties.timeout())
        .header("Content-Type", "application/json")
        .header(WebhookSignature.HEADER, signature)
        .header("Flowgate-Event", "billing.usage_alert")
        .POST(HttpRequest.BodyPublishers.ofString(body))
        .build();
    return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
  }
}
