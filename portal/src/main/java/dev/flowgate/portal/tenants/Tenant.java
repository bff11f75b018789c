package dev.flowgate.portal.tenants;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** An organisation using Flowgate; every tenant-owned row points at one. */
@Entity
@Table(name = "tenants")
public class Tenant {

  @Id private UUID id;

  @Column(nullable = false, unique = true)
  private String slug;

  @Column(nullable = false)
  private String name;

  @Column(nullable = false)
  private String status;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  protected Tenant() {}

  public Tenant(String slug, String name, Instant now) {
    this.id = UUID.randomUUID();
    this.slug = slug;
    this.name = name;
    this.status = "active";
    this.createdAt = now;
  }

  public UUID getId() {
    return id;
  }

  public String getSlug() {
    return slug;
  }

  public String getName() {
    return name;
  }

  public String getStatus() {
    return status;
  }

  public Instant getCreatedAt() {
    return createdAt;
  }
}
