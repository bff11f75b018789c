package dev.flowgate.portal.tenants;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

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

  @Column(name = "suspended_reason")
  private @Nullable String suspendedReason;

  @Column(name = "suspended_at")
  private @Nullable Instant suspendedAt;

  /** Set while deleted: suspended until purged at {@link #purgeAfter}, or restored before. */
  @Column(name = "deleted_at")
  private @Nullable Instant deletedAt;

  @Column(name = "purge_after")
  private @Nullable Instant purgeAfter;

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

  public @Nullable String getSuspendedReason() {
    return suspendedReason;
  }

  public @Nullable Instant getSuspendedAt() {
    return suspendedAt;
  }

  public boolean isSuspended() {
    return "suspended".equals(status);
  }

  /** Suspends with the reason its users are shown; suspending again only updates the reason. */
  public void suspend(String reason, Instant now) {
    if (!isSuspended()) {
      suspendedAt = now;
    }
    status = "suspended";
    suspendedReason = reason;
  }

  /** Reinstates, and restores it when it was deleted. */
  public void reinstate() {
    status = "active";
    suspendedReason = null;
    suspendedAt = null;
    deletedAt = null;
    purgeAfter = null;
  }

  public boolean isDeleted() {
    return deletedAt != null;
  }

  /** Deleted: suspended with the reason its users see, purged for good after {@code purgeAfter}. */
  public void delete(Instant now, Instant purgeAfter, String reason) {
    suspend(reason, now);
    this.deletedAt = now;
    this.purgeAfter = purgeAfter;
  }
}
