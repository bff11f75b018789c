package dev.flowgate.portal.routing;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** An upstream service a tenant publishes through the gateway (table {@code services}). */
@Entity
@Table(name = "services")
public class Upstream {

  @Id private UUID id;

  @Column(name = "tenant_id", nullable = false)
  private UUID tenantId;

  @Column(nullable = false)
  private String name;

  @Column(nullable = false)
  private String url;

  @Column(name = "connect_timeout_ms", nullable = false)
  private int connectTimeoutMs;

  @Column(name = "read_timeout_ms", nullable = false)
  private int readTimeoutMs;

  @Column(nullable = false)
  private int retries;

  @Column(name = "health_check_path")
  private @Nullable String healthCheckPath;

  @Column(name = "open_api")
  private @Nullable String openApi;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  @Column(name = "updated_at", nullable = false)
  private Instant updatedAt;

  protected Upstream() {}

  Upstream(UUID tenantId, String name, String url, Instant now) {
    this.id = UUID.randomUUID();
    this.tenantId = tenantId;
    this.name = name;
    this.url = url;
    this.connectTimeoutMs = 2000;
    this.readTimeoutMs = 45000;
    this.createdAt = now;
    this.updatedAt = now;
  }

  void apply(ServiceRequest change, Instant now) {
    if (change.name() != null) {
      name = change.name().strip();
    }
    if (change.url() != null) {
      url = change.url().strip();
    }
    if (change.connectTimeoutMs() != null) {
      connectTimeoutMs = change.connectTimeoutMs();
    }
    if (change.readTimeoutMs() != null) {
      readTimeoutMs = change.readTimeoutMs();
    }
    if (change.retries() != null) {
      retries = change.retries();
    }
    if (change.healthCheckPath() != null) {
      healthCheckPath = change.healthCheckPath().isBlank() ? null : change.healthCheckPath().strip();
    }
    if (change.openApi() != null) {
      openApi = change.openApi().isBlank() ? null : change.openApi();
    }
    updatedAt = now;
  }

  ServiceView view() {
    return new ServiceView(id, name, url, connectTimeoutMs, readTimeoutMs, retries, healthCheckPath, createdAt, updatedAt, openApi);
  }

  public UUID getId() {
    return id;
  }

  public UUID getTenantId() {
    return tenantId;
  }

  public String getName() {
    return name;
  }
}
