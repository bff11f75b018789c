package dev.flowgate.portal.apikeys;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import org.jspecify.annotations.Nullable;

/** An API key: only the HMAC digest of its secret is kept, never the secret. */
@Entity
@Table(name = "api_keys")
public class ApiKey {

  @Id private UUID id;

  @Column(name = "tenant_id", nullable = false)
  private UUID tenantId;

  @Column(nullable = false)
  private String name;

  @Column(name = "lookup_prefix", nullable = false)
  private String lookupPrefix;

  @Column(name = "secret_digest", nullable = false)
  private String secretDigest;

  @Column(name = "previous_secret_digest")
  private @Nullable String previousSecretDigest;

  @Column(name = "previous_valid_until")
  private @Nullable Instant previousValidUntil;

  @JdbcTypeCode(SqlTypes.ARRAY)
  @Column(nullable = false, columnDefinition = "text[]")
  private List<String> scopes = new ArrayList<>();

  @Column(name = "rate_limit_limit")
  private @Nullable Long rateLimitLimit;

  @Column(name = "rate_limit_window")
  private @Nullable Integer rateLimitWindow;

  @Column(name = "expires_at")
  private @Nullable Instant expiresAt;

  @Column(name = "revoked_at")
  private @Nullable Instant revokedAt;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  protected ApiKey() {}

  ApiKey(UUID tenantId, String name, String lookupPrefix, String secretDigest, List<String> scopes,
      KeyRequest.@Nullable RateLimit rateLimit, @Nullable Instant expiresAt, Instant now) {
    this.id = UUID.randomUUID();
    this.tenantId = tenantId;
    this.name = name;
    this.lookupPrefix = lookupPrefix;
    this.secretDigest = secretDigest;
    this.scopes = new ArrayList<>(scopes);
    this.rateLimitLimit = rateLimit == null ? null : rateLimit.limit();
    this.rateLimitWindow = rateLimit == null ? null : rateLimit.windowSeconds();
    this.expiresAt = expiresAt;
    this.createdAt = now;
  }

  /** Replaces the secret; the old one stays valid until {@code graceUntil} (none when null). */
  void rotate(String lookupPrefix, String newDigest, @Nullable Instant graceUntil) {
    this.previousSecretDigest = graceUntil == null ? null : secretDigest;
    this.previousValidUntil = graceUntil;
    this.secretDigest = newDigest;
    this.lookupPrefix = lookupPrefix;
  }

  void revoke(Instant now) {
    if (revokedAt == null) {
      revokedAt = now;
    }
  }

  boolean isRevoked() {
    return revokedAt != null;
  }

  KeyView view(Instant now) {
    String status = revokedAt != null ? "revoked" : expiresAt != null && !expiresAt.isAfter(now) ? "expired" : "active";
    KeyRequest.RateLimit rateLimit =
        rateLimitLimit == null || rateLimitWindow == null ? null : new KeyRequest.RateLimit(rateLimitLimit, rateLimitWindow);
    return new KeyView(id, name, lookupPrefix, List.copyOf(scopes), rateLimit, expiresAt, createdAt, revokedAt,
        previousValidUntil != null && previousValidUntil.isAfter(now) ? previousValidUntil : null, status);
  }

  public UUID getId() {
    return id;
  }
}
