package dev.flowgate.portal.base.web;

import dev.flowgate.contracts.EventCodec;
import dev.flowgate.portal.base.security.TenantPrincipal;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.http.HttpHeaders;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code Idempotency-Key} on {@code POST /api/v1/**}: the first request with a key (per tenant)
 * runs and its answer is stored; a retry with the same key and body gets that answer again
 * ({@code Idempotent-Replayed: true}) and creates nothing. The same key with another body → 422; a
 * retry while the first still runs → 409. Secrets (the {@code secret} and {@code token} fields of
 * key and token creation) are never stored, so a replay answers without them. Server errors are
 * not stored, so they can be retried. Keys are remembered for {@link #RETENTION} ({@code expires_at}
 * per row; a tenant's expired rows are purged on its next keyed POST).
 */
@Component
class IdempotencyFilter extends OncePerRequestFilter {

  static final String HEADER = "Idempotency-Key";
  private static final Duration ABANDONED_AFTER = Duration.ofMinutes(1);
  /** How long a key is remembered; an older one counts as new (as Stripe does). */
  static final Duration RETENTION = Duration.ofHours(24);
  private static final int MAX_KEY = 255;

  private final JdbcClient jdbc;
  /** Each statement in a transaction of its own, which row-level security scopes to the caller's tenant. */
  private final TransactionTemplate transactions;
  private final Clock clock;

  IdempotencyFilter(JdbcClient jdbc, TransactionTemplate transactions, Clock clock) {
    this.jdbc = jdbc;
    this.transactions = transactions;
    this.clock = clock;
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    return !"POST".equals(request.getMethod()) || request.getHeader(HEADER) == null
        || !request.getRequestURI().startsWith("/api/v1/");
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    Optional<UUID> tenant = tenant();
    String key = request.getHeader(HEADER).strip();
    if (tenant.isEmpty()) {
      chain.doFilter(request, response);
      return;
    }
    if (key.isEmpty() || key.length() > MAX_KEY) {
      problem(response, 400, "validation-error", "Invalid request", "Idempotency-Key must be 1-255 characters");
      return;
    }
    byte[] body = request.getInputStream().readAllBytes();
    String hash = sha256(request.getRequestURI() + "\n" + new String(body, StandardCharsets.UTF_8));
    if (!Boolean.TRUE.equals(transactions.execute(status -> claim(tenant.get(), key, hash, request)))) {
      replay(tenant.get(), key, hash, response);
      return;
    }
    ContentCachingResponseWrapper wrapper = new ContentCachingResponseWrapper(response);
    boolean stored = false;
    try {
      chain.doFilter(new CachedBodyRequest(request, body), wrapper);
      if (wrapper.getStatus() < 500) {
        store(tenant.get(), key, wrapper);
        stored = true;
      }
    } finally {
      if (!stored) {
        transactions.executeWithoutResult(status -> jdbc.sql(
                "delete from idempotency_keys where tenant_id = ? and key = ? and status is null")
            .params(tenant.get(), key).update());
      }
      wrapper.copyBodyToResponse();
    }
  }

  /** True when this request holds the key now (first use, an expired key, or an abandoned pending claim). */
  private boolean claim(UUID tenant, String key, String hash, HttpServletRequest request) {
    Timestamp now = Timestamp.from(clock.instant());
    jdbc.sql("delete from idempotency_keys where tenant_id = ? and expires_at < ?").params(tenant, now).update();
    jdbc.sql("delete from idempotency_keys where tenant_id = ? and key = ? and status is null and created_at < ?")
        .params(tenant, key, Timestamp.from(clock.instant().minus(ABANDONED_AFTER))).update();
    return jdbc.sql("""
            insert into idempotency_keys (tenant_id, key, request_hash, request_method, request_path, created_at, expires_at)
            values (?, ?, ?, ?, ?, ?, ?)
            on conflict (tenant_id, key) do nothing""")
        .params(tenant, key, hash, request.getMethod(), request.getRequestURI(), now,
            Timestamp.from(clock.instant().plus(RETENTION)))
        .update() == 1;
  }

  private void replay(UUID tenant, String key, String hash, HttpServletResponse response) throws IOException {
    Optional<Map<String, Object>> row = transactions.execute(status -> jdbc.sql("""
            select request_hash, request_method, request_path, status, location, content_type, body
            from idempotency_keys where tenant_id = ? and key = ?""")
        .params(tenant, key).query().listOfRows().stream().findFirst());
    if (row.isEmpty() || row.get().get("status") == null) {
      problem(response, 409, "idempotency-in-progress", "Conflict",
          "A request with this Idempotency-Key is still being processed; retry shortly");
      return;
    }
    if (!hash.equals(((String) row.get().get("request_hash")).strip())) {
      problem(response, 422, "idempotency-key-reused", "Idempotency-Key reused",
          "This Idempotency-Key was used for a different request (" + row.get().get("request_method") + " "
              + row.get().get("request_path") + " with another body); use a new key");
      return;
    }
    response.setStatus((Integer) row.get().get("status"));
    response.setHeader("Idempotent-Replayed", "true");
    if (row.get().get("location") instanceof String location) {
      response.setHeader(HttpHeaders.LOCATION, location);
    }
    if (row.get().get("body") instanceof String text && !text.isEmpty()) {
      response.setContentType(row.get().get("content_type") instanceof String type ? type
          : response.getStatus() >= 400 ? "application/problem+json" : "application/json");
      response.getOutputStream().write(text.getBytes(StandardCharsets.UTF_8));
    }
  }

  private void store(UUID tenant, String key, ContentCachingResponseWrapper wrapper) {
    transactions.executeWithoutResult(status -> jdbc.sql(
            "update idempotency_keys set status = ?, location = ?, content_type = ?, body = ? where tenant_id = ? and key = ?")
        .params(wrapper.getStatus(), wrapper.getHeader(HttpHeaders.LOCATION), wrapper.getContentType(),
            withoutSecrets(wrapper.getContentAsByteArray()), tenant, key)
        .update());
  }

  private static String withoutSecrets(byte[] body) {
    if (body.length == 0) {
      return "";
    }
    try {
      JsonNode tree = EventCodec.mapper().readTree(body);
      if (tree instanceof ObjectNode object) {
        object.remove("secret");
        object.remove("token");
        object.remove("managementToken");
      }
      return EventCodec.toJson(tree);
    } catch (RuntimeException e) {
      return "";
    }
  }

  private static Optional<UUID> tenant() {
    Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
    return authentication != null && authentication.getPrincipal() instanceof TenantPrincipal principal
        ? Optional.of(principal.actor().tenantId()) : Optional.empty();
  }

  private static void problem(HttpServletResponse response, int status, String slug, String title, String detail) throws IOException {
    response.setStatus(status);
    response.setContentType("application/problem+json");
    response.getOutputStream().write(EventCodec.toBytes(Map.of(
        "type", "https://flowgate.dev/problems/" + slug, "title", title, "status", status, "detail", detail)));
  }

  private static String sha256(String value) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
