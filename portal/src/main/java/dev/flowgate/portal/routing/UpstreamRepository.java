package dev.flowgate.portal.routing;

import java.util.Optional;
import java.util.UUID;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import jakarta.persistence.LockModeType;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;

interface UpstreamRepository extends JpaRepository<Upstream, UUID> {

  Page<Upstream> findAllByTenantId(UUID tenantId, Pageable pageable);

  Page<Upstream> findAllByTenantIdAndNameContainingIgnoreCase(UUID tenantId, String name, Pageable pageable);

  Optional<Upstream> findByIdAndTenantId(UUID id, UUID tenantId);

  @Lock(LockModeType.PESSIMISTIC_WRITE)
  Optional<Upstream> findWithLockByIdAndTenantId(UUID id, UUID tenantId);

  Optional<Upstream> findByTenantIdAndName(UUID tenantId, String name);

  boolean existsByTenantIdAndName(UUID tenantId, String name);
}
