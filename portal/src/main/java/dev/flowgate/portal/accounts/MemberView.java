package dev.flowgate.portal.accounts;

import java.time.Instant;
import java.util.UUID;

/** A teammate as {@code /api/v1/members} shows them. */
public record MemberView(UUID id, String email, String role, Instant createdAt) {

  static MemberView of(UserAccount user) {
    return new MemberView(user.getId(), user.getEmail(), user.getRole(), user.getCreatedAt());
  }
}
