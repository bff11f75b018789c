package dev.flowgate.portal.routing;

import java.util.Optional;
import java.util.UUID;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;

interface UpstreamRepository extends JpaRepository<Upstream, UUID> {

  Page<Upstream> findAllByTenantId(UUID tenantId, Pageable pageable);

  Optional<Upstream> findByIdAndTenantId(UUID id, UUID tenantId);

  Optional<Upstream> findByTenantIdAndName(UUID tenantId, String name);

  boolean existsByTenantIdAndName(UUID tenantId, String name);
}
