package dev.flowgate.portal.routing;

import dev.flowgate.contracts.EventCodec;
import dev.flowgate.contracts.config.GatewaySnapshot.Policy;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.hibernate.annotations.ColumnTransformer;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import tools.jackson.core.type.TypeReference;

/** Which requests reach which upstream service, with the policies applied on the way. */
@Entity
@Table(name = "routes")
public class Route {

  private static final TypeReference<List<Policy>> POLICIES = new TypeReference<>() {};

  @Id private UUID id;

  @Column(name = "tenant_id", nullable = false)
  private UUID tenantId;

  @Column(name = "service_id", nullable = false)
  private UUID serviceId;

  @Column(nullable = false)
  private String name;

  @JdbcTypeCode(SqlTypes.ARRAY)
  @Column(nullable = false, columnDefinition = "text[]")
  private List<String> paths = new ArrayList<>();

  @JdbcTypeCode(SqlTypes.ARRAY)
  @Column(nullable = false, columnDefinition = "text[]")
  private List<String> methods = new ArrayList<>();

  @JdbcTypeCode(SqlTypes.ARRAY)
  @Column(nullable = false, columnDefinition = "text[]")
  private List<String> hosts = new ArrayList<>();

  @Column(name = "strip_path", nullable = false)
  private boolean stripPath;

  @Column(nullable = false, columnDefinition = "jsonb")
  @ColumnTransformer(write = "cast(? as jsonb)")
  private String policies = "[]";

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  @Column(name = "updated_at", nullable = false)
  private Instant updatedAt;

  protected Route() {}

  Route(UUID tenantId, UUID serviceId, String name, Instant now) {
    this.id = UUID.randomUUID();
    this.tenantId = tenantId;
    this.serviceId = serviceId;
    this.name = name;
    this.createdAt = now;
    this.updatedAt = now;
  }

  void apply(RouteRequest change, Instant now) {
    if (change.name() != null) {
      name = change.name().strip();
    }
    if (change.serviceId() != null) {
      serviceId = change.serviceId();
    }
    if (change.paths() != null) {
      paths = new ArrayList<>(change.paths().stream().map(String::strip).toList());
    }
    if (change.methods() != null) {
      methods = new ArrayList<>(change.methods().stream().map(m -> m.strip().toUpperCase(Locale.ROOT)).distinct().toList());
    }
    if (change.hosts() != null) {
      hosts = new ArrayList<>(change.hosts().stream().map(h -> h.strip().toLowerCase(Locale.ROOT)).distinct().toList());
    }
    if (change.stripPath() != null) {
      stripPath = change.stripPath();
    }
    if (change.policies() != null) {
      policies = EventCodec.toJson(change.policies());
    }
    updatedAt = now;
  }

  RouteView view() {
    return new RouteView(id, name, serviceId, List.copyOf(paths), List.copyOf(methods), List.copyOf(hosts), stripPath,
        EventCodec.read(policies, POLICIES), createdAt, updatedAt);
  }

  public UUID getId() {
    return id;
  }

  public UUID getServiceId() {
    return serviceId;
  }
}
