package dev.flowgate.portal.tokens;

import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

interface ManagementTokenRepository extends JpaRepository<ManagementToken, UUID> {

  Optional<ManagementToken> findByTokenHashAndRevokedAtIsNull(String tokenHash);
}
