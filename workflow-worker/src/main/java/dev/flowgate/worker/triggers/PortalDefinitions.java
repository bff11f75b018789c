package dev.flowgate.worker.triggers;

import dev.flowgate.contracts.EventCodec;
import dev.flowgate.worker.dsl.DefinitionParser;
import dev.flowgate.worker.dsl.WorkflowDefinition;
import dev.flowgate.worker.runs.RunsProperties;
import dev.flowgate.worker.tracing.TraceContexts;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/**
 * Fetches the pinned definition of a triggered run from the portal
 * ({@code GET /internal/v1/tenants/{t}/workflows/{w}/versions/{v}}). Versions are immutable, so
 * they are cached.
 */
@Component
public class PortalDefinitions {

  private static final int CACHE_LIMIT = 500;

  private final RunsProperties properties;
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
  private final Map<String, Versioned> cache = new ConcurrentHashMap<>();

  PortalDefinitions(RunsProperties properties) {
    this.properties = properties;
  }

  /**
   * The pinned version, or with {@code version} null the workflow's current one
   * ({@code .../versions/current}, never cached); a {@link MissingDefinitionException} when the
   * portal has none.
   */
  public WorkflowDefinition fetch(UUID tenantId, String workflowId, @Nullable Integer version)
      throws IOException, InterruptedException {
    return fetchVersion(tenantId, workflowId, version).definition();
  }

  /** A definition with the version the portal says it is (the current one's number for a null {@code version}). */
  public record Versioned(int version, WorkflowDefinition definition) {}

  /** Like {@link #fetch(UUID, String, Integer)}, with the version number the portal answered. */
  public Versioned fetchVersion(UUID tenantId, String workflowId, @Nullable Integer version)
      throws IOException, InterruptedException {
    String path = "/internal/v1/tenants/" + tenantId + "/workflows/" + workflowId + "/versions/"
        + (version == null ? "current" : version);
    Versioned cached = cache.get(path);
    if (cached != null) {
      return cached;
    }
    HttpResponse<String> response = http.send(
        TraceContexts.inject(HttpRequest.newBuilder(URI.create(properties.portalUrl() + path)))
            .header("Authorization", "Bearer " + properties.internalToken())
            .timeout(Duration.ofSeconds(5))
            .build(),
        HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() == 404) {
      throw new MissingDefinitionException("the portal has no version " + version + " of workflow " + workflowId);
    }
    if (response.statusCode() != 200) {
      throw new IOException("the portal answered " + response.statusCode() + " for " + path);
    }
    JsonNode body = EventCodec.mapper().readTree(response.body());
    WorkflowDefinition definition = DefinitionParser.parse(body.path("definition").toString());
    Versioned fetched = new Versioned(body.path("version").isNumber() ? body.path("version").asInt()
        : version == null ? 0 : version, definition);
    if (version != null && cache.size() < CACHE_LIMIT) {
      cache.put(path, fetched);
    }
    return fetched;
  }

  /** A trigger for a workflow version the portal does not know: retrying will not help. */
  public static final class MissingDefinitionException extends IllegalStateException {
    MissingDefinitionException(String message) {
      super(message);
    }
  }
}
