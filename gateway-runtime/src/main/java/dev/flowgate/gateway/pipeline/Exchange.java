package dev.flowgate.gateway.pipeline;

import dev.flowgate.contracts.config.GatewaySnapshot.ApiKey;
import dev.flowgate.contracts.config.GatewaySnapshot.Tenant;
import dev.flowgate.gateway.auth.Credential;
import dev.flowgate.gateway.auth.Jwt;
import dev.flowgate.gateway.config.RuntimeConfig;
import dev.flowgate.gateway.ratelimit.RateLimitDecision;
import dev.flowgate.gateway.routing.RouteMatch;
import io.opentelemetry.api.trace.Span;
import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import java.util.Objects;
import java.util.concurrent.CompletionStage;
import org.jspecify.annotations.Nullable;

/**
 * One call as the stages see it: the request's facts, fixed at arrival, and what the stages
 * found out (tenant, key, route). Lives on one event loop; not thread-safe.
 */
public final class Exchange {

  private final String requestId;
  private final String method;
  private final String host;
  private final String path;
  private final @Nullable String query;
  private final MultiMap headers;
  private final String clientIp;
  private final long startNanos;
  private final @Nullable RuntimeConfig config;

  private @Nullable Tenant hostTenant;
  private @Nullable Credential credential;
  private @Nullable ApiKey key;
  private @Nullable Jwt jwt;
  private @Nullable CompletionStage<?> awaiting;
  private @Nullable Tenant tenant;
  private @Nullable RouteMatch match;
  private @Nullable RateLimitDecision rateLimit;
  private @Nullable Buffer body;
  private @Nullable String workflowExecutionId;
  private Span span = Span.getInvalid();
  private boolean completed;
  private boolean cutOff;
  private @Nullable Runnable abandon;

  /**
   * @param host lower-case, without the port
   * @param config null while the gateway has no snapshot; stages then never run
   */
  public Exchange(
      String requestId, String method, String host, String path, @Nullable String query, MultiMap headers,
      String clientIp, long startNanos, @Nullable RuntimeConfig config) {
    this.requestId = requestId;
    this.method = method;
    this.host = host;
    this.path = path;
    this.query = query;
    this.headers = headers;
    this.clientIp = clientIp;
    this.startNanos = startNanos;
    this.config = config;
  }

  public String requestId() { return requestId; }
  public String method() { return method; }
  public String host() { return host; }
  public String path() { return path; }
  public @Nullable String query() { return query; }
  public MultiMap headers() { return headers; }
  public String clientIp() { return clientIp; }
  public long startNanos() { return startNanos; }

  public RuntimeConfig config() {
    return Objects.requireNonNull(config, "no configuration loaded");
  }

  public @Nullable Tenant hostTenant() { return hostTenant; }
  public @Nullable Credential credential() { return credential; }
  /** The API key that authenticated the call; null when a JWT did. */
  public @Nullable ApiKey key() { return key; }
  /** The bearer JWT, parsed by authentication and verified by the JWT stage; null for a key. */
  public @Nullable Jwt jwt() { return jwt; }
  public @Nullable Tenant tenant() { return tenant; }
  public @Nullable RouteMatch match() { return match; }
  /** The rate-limit decision, once the limits were checked; fills the {@code RateLimit-*} headers. */
  public @Nullable RateLimitDecision rateLimit() { return rateLimit; }

  void hostTenant(@Nullable Tenant hostTenant) { this.hostTenant = hostTenant; }
  void credential(Credential credential) { this.credential = credential; }
  void key(ApiKey key) { this.key = key; }
  void jwt(Jwt jwt) { this.jwt = jwt; }

  /** A stage that must wait for I/O it started sets this and is run again once it completes. */
  void await(CompletionStage<?> pending) { this.awaiting = pending; }

  @Nullable CompletionStage<?> takeAwaiting() {
    CompletionStage<?> pending = awaiting;
    awaiting = null;
    return pending;
  }
  void tenant(Tenant tenant) { this.tenant = tenant; }
  void match(RouteMatch match) { this.match = match; }

  /** The request body when it had to be read whole (a workflow trigger); forwarded instead of the stream. */
  public @Nullable Buffer body() { return body; }
  public void body(Buffer body) { this.body = body; }
  /** The workflow run this call triggered, reported in the response headers. */
  public @Nullable String workflowExecutionId() { return workflowExecutionId; }
  public void workflowExecutionId(String id) { this.workflowExecutionId = id; }
  void rateLimit(RateLimitDecision rateLimit) { this.rateLimit = rateLimit; }
  /** The call's trace span (see {@code GatewayTracing}); invalid until tracing started it. */
  public Span span() { return span; }
  public void span(Span span) { this.span = span; }

  /** Whether the caller's {@code Authorization} header carried the Flowgate key. */
  public boolean credentialInAuthorization() {
    return credential != null && credential.fromAuthorization();
  }

  /** The gateway itself broke off the answer it had begun (the upstream failed mid-body): not the caller leaving. */
  public void markCutOff() { this.cutOff = true; }
  public boolean cutOff() { return cutOff; }

  /** What stops the work still under way for this call (an upstream answer being relayed) if its caller leaves. */
  public void onAbandon(@Nullable Runnable abandon) { this.abandon = abandon; }

  /** The caller left: stops what {@link #onAbandon} named, once. */
  public void abandon() {
    Runnable action = abandon;
    abandon = null;
    if (action != null) {
      action.run();
    }
  }

  /** Marks the call as completed; true only the first time, so it is metered once. */
  public boolean complete() {
    if (completed) {
      return false;
    }
    completed = true;
    return true;
  }
}
