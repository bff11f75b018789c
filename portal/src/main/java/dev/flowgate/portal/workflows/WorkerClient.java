package dev.flowgate.portal.workflows;

import dev.flowgate.portal.base.config.PortalProperties;
import dev.flowgate.portal.base.problems.ConflictException;
import dev.flowgate.portal.base.problems.InvalidInputException;
import dev.flowgate.portal.base.problems.NotFoundException;
import dev.flowgate.portal.base.problems.UnavailableException;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.client.HttpClientErrorException;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The worker's internal run API (ARCHITECTURE.md, "Workflow internal API"). The worker's 404
 * becomes a 404, its 409 a conflict, its 400 a field error, anything else (down, 5xx) a 503.
 */
@Component
class WorkerClient {

  private final RestClient worker;

  WorkerClient(RestClient.Builder builder, PortalProperties properties) {
    JdkClientHttpRequestFactory requestFactory = new JdkClientHttpRequestFactory(
        HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build());
    requestFactory.setReadTimeout(Duration.ofSeconds(10));
    this.worker = builder.clone()
        .baseUrl(properties.workerUrl().toString())
        .requestFactory(requestFactory)
        .defaultHeader(HttpHeaders.AUTHORIZATION, "Bearer " + properties.internalToken())
        .build();
  }

  /** Starts a run (idempotent on {@code executionId}); answers the execution id. */
  String start(UUID tenantId, WorkflowVersionView version, @Nullable JsonNode input, String executionId) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("tenantId", tenantId);
    body.put("workflowId", version.workflowId().toString());
    body.put("version", version.version());
    body.put("definition", version.definition());
    body.put("input", input == null ? JsonNodeFactory.instance.objectNode() : input);
    body.put("executionId", executionId);
    body.put("triggerType", "manual");
    JsonNode answer = call("workflow run", () -> worker.post().uri("/internal/v1/workflow-runs")
        .contentType(MediaType.APPLICATION_JSON).body(body).retrieve().body(JsonNode.class));
    return answer.path("executionId").asString(executionId);
  }

  JsonNode run(UUID tenantId, String executionId) {
    return call("workflow run " + executionId, () -> worker.get()
        .uri("/internal/v1/tenants/{t}/workflow-runs/{e}", tenantId, executionId)
        .accept(MediaType.APPLICATION_JSON).retrieve().body(JsonNode.class));
  }

  JsonNode runs(UUID tenantId, UUID workflowId, RunFilter filter, int page, int size) {
    return call("workflow runs", () -> worker.get()
        .uri(u -> {
          u.path("/internal/v1/tenants/{t}/workflows/{w}/runs").queryParam("page", page).queryParam("size", size);
          if (filter.status() != null) {
            u.queryParam("status", filter.status());
          }
          if (filter.from() != null) {
            u.queryParam("from", filter.from().toString());
          }
          if (filter.to() != null) {
            u.queryParam("to", filter.to().toString());
          }
          return u.build(tenantId, workflowId);
        })
        .accept(MediaType.APPLICATION_JSON).retrieve().body(JsonNode.class));
  }

  /**
   * Sends a signal on behalf of {@code sender}: the worker trusts only these headers for who sent
   * it (an approval step may accept only some roles), never an actor written in the payload.
   */
  void signal(UUID tenantId, String executionId, String name, @Nullable JsonNode payload, SignalSender sender) {
    call("workflow run " + executionId, () -> {
      worker.post().uri("/internal/v1/tenants/{t}/workflow-runs/{e}/signals/{n}", tenantId, executionId, name)
          .headers(h -> sender.writeTo(h))
          .contentType(MediaType.APPLICATION_JSON)
          .body(payload == null ? JsonNodeFactory.instance.objectNode() : payload)
          .retrieve().toBodilessEntity();
      return JsonNodeFactory.instance.nullNode();
    });
  }

  /**
   * Starts a retry of a FAILED run under {@code retryId} with the failed run's input, on
   * {@code definition} (its pinned version); answers the retry's execution id.
   */
  String retry(UUID tenantId, String executionId, JsonNode definition, String retryId) {
    ObjectNode body = JsonNodeFactory.instance.objectNode();
    body.set("definition", definition);
    body.put("executionId", retryId);
    JsonNode answer = call("workflow run " + executionId, () -> worker.post()
        .uri("/internal/v1/tenants/{t}/workflow-runs/{e}/retry", tenantId, executionId)
        .contentType(MediaType.APPLICATION_JSON).body(body).retrieve().body(JsonNode.class));
    return answer.path("executionId").asString(retryId);
  }

  void cancel(UUID tenantId, String executionId) {
    call("workflow run " + executionId, () -> {
      worker.post().uri("/internal/v1/tenants/{t}/workflow-runs/{e}/cancel", tenantId, executionId)
          .retrieve().toBodilessEntity();
      return JsonNodeFactory.instance.nullNode();
    });
  }

  /** Creates or replaces the worker's schedule of a {@code schedule} trigger (version null = current). */
  void putSchedule(UUID tenantId, WorkflowTriggerView trigger) {
    ObjectNode body = JsonNodeFactory.instance.objectNode();
    body.put("cron", trigger.cron());
    body.put("zone", trigger.zone());
    body.put("missedRunPolicy", trigger.missedRunPolicy());
    if (trigger.version() == null) {
      body.putNull("version");
    } else {
      body.put("version", trigger.version());
    }
    body.set("input", trigger.inputTemplate() == null ? JsonNodeFactory.instance.objectNode() : trigger.inputTemplate());
    body.put("enabled", true);
    call("workflow schedule " + trigger.id(), () -> {
      worker.put().uri("/internal/v1/tenants/{t}/workflows/{w}/schedules/{s}", tenantId, trigger.workflowId(), trigger.id())
          .contentType(MediaType.APPLICATION_JSON).body(body).retrieve().toBodilessEntity();
      return JsonNodeFactory.instance.nullNode();
    });
  }

  /** Removes the worker's schedule; one the worker does not know is already gone. */
  void deleteSchedule(UUID tenantId, UUID workflowId, UUID scheduleId) {
    try {
      call("workflow schedule " + scheduleId, () -> {
        worker.delete().uri("/internal/v1/tenants/{t}/workflows/{w}/schedules/{s}", tenantId, workflowId, scheduleId)
            .retrieve().toBodilessEntity();
        return JsonNodeFactory.instance.nullNode();
      });
    } catch (NotFoundException e) {
      // already gone
    }
  }

  private static JsonNode call(String what, Supplier<@Nullable JsonNode> request) {
    try {
      JsonNode answer = request.get();
      return answer == null ? JsonNodeFactory.instance.objectNode() : answer;
    } catch (HttpClientErrorException.NotFound e) {
      throw new NotFoundException(what, "");
    } catch (HttpClientErrorException.Conflict e) {
      // the run has ended (no signal or cancel) or cannot be retried: the worker says which
      throw new ConflictException(e.getResponseBodyAs(JsonNode.class) instanceof JsonNode body && body.hasNonNull("detail")
          ? body.path("detail").asString() : "The workflow run is not in a state that allows this");
    } catch (HttpClientErrorException.BadRequest e) {
      String detail = e.getResponseBodyAs(JsonNode.class) instanceof JsonNode body && body.hasNonNull("detail")
          ? body.path("detail").asString() : "was refused by the workflow engine";
      throw new InvalidInputException("input", detail);
    } catch (RestClientException e) {
      throw new UnavailableException("Workflow runs are unavailable right now (the worker did not answer); try again shortly", e);
    }
  }
}
