package dev.flowgate.portal.accounts;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A person who signs in to the portal; belongs to one tenant with one role. */
@Entity
@Table(name = "users")
public class UserAccount {

  @Id private UUID id;

  @Column(name = "tenant_id", nullable = false)
  private UUID tenantId;

  @Column(nullable = false)
  private String email;

  @Column(name = "password_hash", nullable = false)
  private String passwordHash;

  @Column(nullable = false)
  private String role;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  /** Set while a platform admin has disabled the user: no sign-in, no token. */
  @Column(name = "disabled_at")
  private @Nullable Instant disabledAt;

  protected UserAccount() {}

  public UserAccount(UUID tenantId, String email, String passwordHash, String role, Instant now) {
    this.id = UUID.randomUUID();
    this.tenantId = tenantId;
    this.email = email;
    this.passwordHash = passwordHash;
    this.role = role;
    this.createdAt = now;
  }

  public UUID getId() {
    return id;
  }

  public UUID getTenantId() {
    return tenantId;
  }

  public String getEmail() {
    return email;
  }

  public String getPasswordHash() {
    return passwordHash;
  }

  public String getRole() {
    return role;
  }

  public Instant getCreatedAt() {
    return createdAt;
  }

  void changePassword(String passwordHash) {
    this.passwordHash = passwordHash;
  }

  void changeRole(String role) {
    this.role = role;
  }

  public boolean isDisabled() {
    return disabledAt != null;
  }

  void setDisabledAt(@Nullable Instant disabledAt) {
    this.disabledAt = disabledAt;
  }
}
