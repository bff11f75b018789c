package dev.flowgate.portal.tokens;

import java.util.Optional;
import java.util.UUID;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;

interface ManagementTokenRepository extends JpaRepository<ManagementToken, UUID> {

  Optional<ManagementToken> findByTokenHashAndRevokedAtIsNull(String tokenHash);

  Page<ManagementToken> findAllByTenantId(UUID tenantId, Pageable pageable);

  Optional<ManagementToken> findByIdAndTenantId(UUID id, UUID tenantId);
}
