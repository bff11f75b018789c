package dev.flowgate.portal.apikeys;

import java.util.Optional;
import java.util.UUID;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;

interface ApiKeyRepository extends JpaRepository<ApiKey, UUID> {

  Page<ApiKey> findAllByTenantId(UUID tenantId, Pageable pageable);

  Page<ApiKey> findAllByTenantIdAndNameContainingIgnoreCase(UUID tenantId, String name, Pageable pageable);

  Optional<ApiKey> findByIdAndTenantId(UUID id, UUID tenantId);
}
